using System.Net;

namespace FullAuth.Api.FunctionalTests.Cookies;

public sealed class CorsTests(CookieModeFactory factory) : IClassFixture<CookieModeFactory>
{
    [Fact]
    public async Task Preflight_ListedOrigin_AllowsCredentialsAndTheCsrfHeader()
    {
        var client = new CookieClient(factory);

        var response = await client.SendAsync(HttpMethod.Options, "refresh", configure: Preflight("POST", "content-type,x-csrf-token"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Header(response, "Access-Control-Allow-Origin").Should().Be(CookieModeFactory.Origin);
        Header(response, "Access-Control-Allow-Credentials").Should().Be("true");
        Header(response, "Access-Control-Allow-Headers")!.ToLowerInvariant().Should().Contain("x-csrf-token");
        Header(response, "Access-Control-Allow-Methods").Should().Contain("POST");
    }

    [Fact]
    public async Task Preflight_UnlistedOrigin_GetsNoCorsHeaders()
    {
        var client = new CookieClient(factory, "https://evil.example");

        var response = await client.SendAsync(HttpMethod.Options, "refresh", configure: Preflight("POST", "x-csrf-token"));

        response.Headers.Should().NotContain(h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Request_ListedOrigin_AllowsCredentialsAndExposesRateLimitAndAuthHeaders()
    {
        var client = new CookieClient(factory);

        var response = await client.SendAsync(HttpMethod.Get, "me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        Header(response, "Access-Control-Allow-Origin").Should().Be(CookieModeFactory.Origin);
        Header(response, "Access-Control-Allow-Credentials").Should().Be("true");
        var exposed = Header(response, "Access-Control-Expose-Headers")!.Split(',', StringSplitOptions.TrimEntries);
        exposed.Should().Contain(["Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "WWW-Authenticate"]);
    }

    [Fact]
    public async Task Request_UnlistedOrigin_GetsNoCorsHeaders()
    {
        var client = new CookieClient(factory, "https://evil.example");

        var response = await client.SendAsync(HttpMethod.Get, "csrf");

        response.Headers.Should().NotContain(h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    private static Action<HttpRequestMessage> Preflight(string method, string headers) => request =>
    {
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
    };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
