using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests.OAuth;

/// <summary>The OAuth routes as a frontend calls them; the binding cookie is carried by hand (it is Secure).</summary>
public static class OAuthApi
{
    public const string BindingCookie = "__Secure-fullauth_oauth";

    public sealed record Started(string AuthorizationUrl, string Binding);

    public static async Task<HttpResponseMessage> AuthorizeAsync(this HttpClient client, string provider, string redirectUri = OidcServer.RedirectUri, bool rememberMe = false) =>
        await client.GetAsync($"{ApiClient.Base}/oauth/{provider}/authorize?redirect_uri={Uri.EscapeDataString(redirectUri)}&remember_me={(rememberMe ? "true" : "false")}");

    public static async Task<Started> StartAsync(this HttpClient client, string provider, bool rememberMe = false)
    {
        using var response = await client.AuthorizeAsync(provider, rememberMe: rememberMe);
        response.EnsureSuccessStatusCode();
        return new Started((await response.JsonAsync())["authorization_url"]!.GetValue<string>(), BindingFrom(response));
    }

    public static async Task<Started> StartLinkAsync(this HttpClient client, string provider, string bearer)
    {
        using var response = await client.PostJsonAsync($"{ApiClient.Base}/oauth/{provider}/link", new { redirect_uri = OidcServer.RedirectUri }, bearer);
        response.EnsureSuccessStatusCode();
        return new Started((await response.JsonAsync())["authorization_url"]!.GetValue<string>(), BindingFrom(response));
    }

    public static string BindingFrom(HttpResponseMessage response)
    {
        var header = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(BindingCookie + "=", StringComparison.Ordinal));
        return header[(BindingCookie.Length + 1)..header.IndexOf(';', StringComparison.Ordinal)];
    }

    public static Task<HttpResponseMessage> CallbackAsync(this HttpClient client, string provider, string? code, string? state, string? binding, string? bearer = null, string? origin = null, bool link = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{ApiClient.Base}/oauth/{provider}/{(link ? "link/callback" : "callback")}")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { code, state }), Encoding.UTF8, "application/json"),
        };
        if (binding is not null)
        {
            request.Headers.Add("Cookie", $"{BindingCookie}={binding}");
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return client.SendAsync(request);
    }

    /// <summary>authorize → provider login as <paramref name="login"/> → callback.</summary>
    public static async Task<HttpResponseMessage> SignInWithOidcAsync(this HttpClient client, string login, bool rememberMe = false)
    {
        var started = await client.StartAsync("oidc-test", rememberMe);
        var (code, state) = await ProviderLogin.CompleteAsync(started.AuthorizationUrl, login);
        return await client.CallbackAsync("oidc-test", code, state, started.Binding);
    }
}
