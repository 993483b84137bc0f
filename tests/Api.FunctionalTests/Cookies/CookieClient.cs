using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FullAuth.Api.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;

namespace FullAuth.Api.FunctionalTests.Cookies;

/// <summary>
/// A browser-like client that keeps cookies by name (set, replaced and expired by <c>Set-Cookie</c>),
/// sends <c>Origin</c> and, once it has one, <c>X-CSRF-Token</c>, so tests can also send exactly what
/// they want instead (forged, missing or foreign values).
/// </summary>
public sealed class CookieClient
{
    private readonly HttpClient _http;

    public CookieClient(FullAuthFactory factory, string? origin = CookieModeFactory.Origin, bool https = true)
    {
        _http = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            HandleCookies = false,
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
        });
        Origin = origin;
    }

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>Set-Cookie</c> headers of the last response.</summary>
    public IList<SetCookieHeaderValue> LastSetCookies { get; private set; } = [];

    public string? Origin { get; set; }

    /// <summary>Sent as <c>X-CSRF-Token</c> when not null.</summary>
    public string? CsrfToken { get; set; }

    public string Email { get; private set; } = string.Empty;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path.StartsWith('/') ? path : $"{ApiClient.Base}/{path}");
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        if (Origin is not null)
        {
            request.Headers.Add("Origin", Origin);
        }

        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        if (CsrfToken is not null)
        {
            request.Headers.Add("X-CSRF-Token", CsrfToken);
        }

        configure?.Invoke(request);
        var response = await _http.SendAsync(request);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? SetCookieHeaderValue.ParseList(values.ToList()) : [];
        foreach (var cookie in LastSetCookies)
        {
            if (cookie.Expires is { } expires && expires < DateTimeOffset.UtcNow)
            {
                Cookies.Remove(cookie.Name.Value!);
            }
            else
            {
                Cookies[cookie.Name.Value!] = cookie.Value.Value!;
            }
        }

        return response;
    }

    /// <summary>Registers (the cookie factories turn enumeration prevention off, so this signs in) and keeps the CSRF token.</summary>
    public async Task<JsonObject> RegisterAsync(string? email = null, string password = ApiClient.StrongPassword)
    {
        Email = email ?? $"cookie-{Guid.NewGuid():N}@example.com";
        var response = await SendAsync(HttpMethod.Post, "register", new { email = Email, password });
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"register answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var body = (await response.Content.ReadFromJsonAsync<JsonNode>())!.AsObject();
        CsrfToken = body["csrf_token"]!.GetValue<string>();
        return body;
    }

    /// <summary>Logs in again as <see cref="Email"/>: a new session, new cookies and CSRF token.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string? email = null, bool rememberMe = false)
    {
        Email = email ?? Email;
        var response = await SendAsync(HttpMethod.Post, "login", new { email = Email, password = ApiClient.StrongPassword, remember_me = rememberMe });
        if (response.IsSuccessStatusCode)
        {
            CsrfToken = (await response.Content.ReadFromJsonAsync<JsonNode>())!["csrf_token"]!.GetValue<string>();
        }

        return response;
    }

    public SetCookieHeaderValue SetCookie(string name) => LastSetCookies.Single(c => c.Name.Value == name);
}
