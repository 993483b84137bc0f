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

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body, string? bearer = null) =>
        client.SendJsonAsync(HttpMethod.Post, path, body, bearer);

    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, object? body, string? bearer = null, string? peer = null)
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

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonNode>())!.AsObject();

    /// <summary>Registers (enumeration prevention on: 202) and logs in; returns the login body.</summary>
    public static async Task<JsonObject> RegisterAndLoginAsync(this HttpClient client, string? email = null, string password = StrongPassword, bool rememberMe = false)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var register = await client.PostJsonAsync($"{Base}/register", new { email, password });
        if ((int)register.StatusCode is not (201 or 202))
        {
            throw new InvalidOperationException($"register answered {(int)register.StatusCode}: {await register.Content.ReadAsStringAsync()}");
        }

        var login = await client.PostJsonAsync($"{Base}/login", new { email, password, remember_me = rememberMe });
        if (!login.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"login answered {(int)login.StatusCode}: {await login.Content.ReadAsStringAsync()}");
        }

        return await login.JsonAsync();
    }
}
