using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FullAuth.Hardening.Tests;

/// <summary>The few calls the fault and soak tests make, with an optional X-Forwarded-For client address.</summary>
public static class Api
{
    public const string Base = "api/v1/auth";
    public const string Password = "correct horse battery staple";

    /// <summary>Settings every test uses: a fresh secret, quick hashing, logs at Warning.</summary>
    public static Dictionary<string, string> BaseEnvironment(string databasePath) => new()
    {
        ["FullAuth__SecretKey"] = "hardening-tests-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ["FullAuth__Database__ConnectionString"] = $"Data Source={databasePath}",
        ["FullAuth__Password__Hasher"] = "bcrypt",
        ["FullAuth__Password__BcryptWorkFactor"] = "10",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public static string NewEmail(string prefix = "h") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, object body, string? bearer = null, string? clientIp = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        Decorate(request, bearer, clientIp);
        var response = await client.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return response;
    }

    public static async Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, string? bearer, string? clientIp = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        Decorate(request, bearer, clientIp);
        var response = await client.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return response;
    }

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonNode>())!.AsObject();

    public static string RandomIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private static void Decorate(HttpRequestMessage request, string? bearer, string? clientIp)
    {
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        if (clientIp is not null)
        {
            request.Headers.Add("X-Forwarded-For", clientIp);
        }
    }
}
