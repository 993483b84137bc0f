using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FullAuth.Api.FunctionalTests.Infrastructure;

/// <summary>Small helpers over HttpClient for the contract's JSON.</summary>
public static class ApiClient
{
    public const string Base = "/api/v1/auth";
    public const string StrongPassword = "correct horse battery staple";

    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body, string? bearer = null) =>
        client.SendJsonAsync(HttpMethod.Post, path, body, bearer);

    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, object? body, string? bearer = null, string? peer = null, string? userAgent = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (peer is not null)
        {
            request.Headers.Add("X-Test-Peer", peer);
        }

        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string path, string? bearer, object? body = null) =>
        client.SendJsonAsync(HttpMethod.Delete, path, body, bearer);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, object? body, string? bearer) =>
        client.SendJsonAsync(HttpMethod.Patch, path, body, bearer);

    public static Task<HttpResponseMessage> MeAsync(this HttpClient client, string? bearer) => client.GetAsync($"{Base}/me", bearer);

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password = StrongPassword, bool rememberMe = false, string? peer = null, string? userAgent = null) =>
        client.SendJsonAsync(HttpMethod.Post, $"{Base}/login", new { email, password, remember_me = rememberMe }, peer: peer, userAgent: userAgent);

    public static Task<HttpResponseMessage> RefreshAsync(this HttpClient client, string refreshToken) =>
        client.PostJsonAsync($"{Base}/refresh", new { refresh_token = refreshToken });

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonNode>())!.AsObject();

    public static async Task<JsonArray> JsonArrayAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonNode>())!.AsArray();

    /// <summary>Registers; throws unless the answer is 201 or 202.</summary>
    public static async Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string email, string password = StrongPassword)
    {
        var register = await client.PostJsonAsync($"{Base}/register", new { email, password });
        if ((int)register.StatusCode is not (201 or 202))
        {
            throw new InvalidOperationException($"register answered {(int)register.StatusCode}: {await register.Content.ReadAsStringAsync()}");
        }

        return register;
    }

    /// <summary>Logs in; throws unless 200.</summary>
    public static async Task<Session> SignInAsync(this HttpClient client, string email, string password = StrongPassword, bool rememberMe = false, string? userAgent = null)
    {
        var login = await client.LoginAsync(email, password, rememberMe, userAgent: userAgent);
        if (!login.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"login answered {(int)login.StatusCode}: {await login.Content.ReadAsStringAsync()}");
        }

        return Session.From(email, await login.JsonAsync());
    }

    /// <summary>Registers a new account (enumeration prevention on: 202) and signs in.</summary>
    public static async Task<Session> NewSessionAsync(this HttpClient client, string? email = null, string password = StrongPassword, bool rememberMe = false)
    {
        email ??= NewEmail();
        await client.RegisterAsync(email, password);
        return await client.SignInAsync(email, password, rememberMe);
    }

    /// <summary>Registers (enumeration prevention on: 202) and logs in; returns the login body.</summary>
    public static async Task<JsonObject> RegisterAndLoginAsync(this HttpClient client, string? email = null, string password = StrongPassword, bool rememberMe = false)
    {
        email ??= NewEmail();
        await client.RegisterAsync(email, password);
        var login = await client.LoginAsync(email, password, rememberMe);
        if (!login.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"login answered {(int)login.StatusCode}: {await login.Content.ReadAsStringAsync()}");
        }

        return await login.JsonAsync();
    }
}
