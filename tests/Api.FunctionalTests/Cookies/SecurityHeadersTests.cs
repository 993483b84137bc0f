using System.Net;
using System.Text.Json.Nodes;
using FullAuth.Api.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FullAuth.Api.FunctionalTests.Cookies;

/// <summary>JSON mode with one trusted proxy (192.0.2.10): security headers, HSTS and client IPs.</summary>
public sealed class TrustedProxyFactory : FullAuthFactory
{
    public const string Proxy = "192.0.2.10";

    /// <summary>A path whose request throws inside the pipeline, so the exception handler answers 500.</summary>
    public const string ThrowingPath = "/__test/throw";

    public TrustedProxyFactory() => Settings["FullAuth:TrustedProxies:0"] = Proxy;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ThrowingStartupFilter>());
    }

    private sealed class ThrowingStartupFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(nextMiddleware => context =>
                context.Request.Path == ThrowingPath ? throw new InvalidOperationException("test failure") : nextMiddleware(context));
        };
    }
}

public sealed class SecurityHeadersTests(TrustedProxyFactory factory) : IClassFixture<TrustedProxyFactory>
{
    [Theory]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/api/v1/auth/me", HttpStatusCode.Unauthorized)]
    [InlineData("/api/v1/auth/nowhere", HttpStatusCode.NotFound)]
    [InlineData(TrustedProxyFactory.ThrowingPath, HttpStatusCode.InternalServerError)]
    public async Task AnyResponse_CarriesTheBaselineSecurityHeaders(string path, HttpStatusCode status)
    {
        var response = await Client(https: false).GetAsync(path);

        response.StatusCode.Should().Be(status);
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
    }

    [Fact]
    public async Task PlainHttp_HasNoHsts()
    {
        var response = await Client(https: false).GetAsync("/health/live");

        response.Headers.Contains("Strict-Transport-Security").Should().BeFalse();
    }

    [Fact]
    public async Task Https_HasHsts()
    {
        var response = await Client(https: true).GetAsync("/health/live");

        response.Headers.GetValues("Strict-Transport-Security").Single().Should().StartWith("max-age=31536000");
    }

    [Fact]
    public async Task TrustedProxySayingHttps_HasHsts()
    {
        var response = await SendAsync(TrustedProxyFactory.Proxy, r => r.Headers.Add("X-Forwarded-Proto", "https"));

        response.Headers.Contains("Strict-Transport-Security").Should().BeTrue();
    }

    [Fact]
    public async Task UntrustedPeerSayingHttps_HasNoHsts()
    {
        var response = await SendAsync("198.51.100.20", r => r.Headers.Add("X-Forwarded-Proto", "https"));

        response.Headers.Contains("Strict-Transport-Security").Should().BeFalse();
    }

    [Fact]
    public async Task TokenResponses_AreNoStore()
    {
        var client = Client(https: false);
        var email = $"h-{Guid.NewGuid():N}@example.com";
        await client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password = ApiClient.StrongPassword });

        var login = await client.PostJsonAsync($"{ApiClient.Base}/login", new { email, password = ApiClient.StrongPassword });
        var refresh = await client.PostJsonAsync($"{ApiClient.Base}/refresh", new { refresh_token = (await login.JsonAsync())["refresh_token"]!.GetValue<string>() });
        var csrf = await client.GetAsync($"{ApiClient.Base}/csrf");

        foreach (var response in new[] { login, refresh, csrf })
        {
            response.IsSuccessStatusCode.Should().BeTrue();
            response.Headers.CacheControl!.NoStore.Should().BeTrue();
        }
    }

    private HttpClient Client(bool https) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(https ? "https://localhost" : "http://localhost") });

    private async Task<HttpResponseMessage> SendAsync(string peer, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Test-Peer", peer);
        configure(request);
        return await Client(https: false).SendAsync(request);
    }
}

public sealed class TrustedProxyTests(TrustedProxyFactory factory) : IClassFixture<TrustedProxyFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Login_ThroughTrustedProxy_RecordsTheForwardedClientIp()
    {
        var sessions = await LoginAndListSessionsAsync(TrustedProxyFactory.Proxy, "203.0.113.7");

        sessions.Single()!["ip_address"]!.GetValue<string>().Should().Be("203.0.113.7");
    }

    [Fact]
    public async Task Login_FromUntrustedPeerWithForwardedFor_IgnoresTheHeader()
    {
        var sessions = await LoginAndListSessionsAsync("198.51.100.21", "203.0.113.8");

        sessions.Single()!["ip_address"]!.GetValue<string>().Should().Be("198.51.100.21");
    }

    [Fact]
    public async Task RateLimit_ThroughTrustedProxy_KeysOnEachForwardedClient()
    {
        for (var i = 0; i < 7; i++)
        {
            var response = await FailedLoginAsync(TrustedProxyFactory.Proxy, $"203.0.113.{100 + i}");
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "each forwarded client has its own bucket");
        }
    }

    [Fact]
    public async Task RateLimit_FromUntrustedPeer_CannotEscapeItsBucketWithForwardedFor()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await FailedLoginAsync("198.51.100.22", $"203.0.113.{150 + i}")).StatusCode);
        }

        statuses.Take(5).Should().OnlyContain(s => s == HttpStatusCode.Unauthorized);
        statuses[5].Should().Be(HttpStatusCode.TooManyRequests);
    }

    private async Task<HttpResponseMessage> FailedLoginAsync(string peer, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{ApiClient.Base}/login")
        {
            Content = JsonContent(new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "wrong password here" }),
        };
        request.Headers.Add("X-Test-Peer", peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await _client.SendAsync(request);
    }

    private async Task<JsonArray> LoginAndListSessionsAsync(string peer, string forwardedFor)
    {
        var email = $"p-{Guid.NewGuid():N}@example.com";
        await _client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password = ApiClient.StrongPassword });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{ApiClient.Base}/login")
        {
            Content = JsonContent(new { email, password = ApiClient.StrongPassword }),
        };
        request.Headers.Add("X-Test-Peer", peer);
        request.Headers.Add("X-Forwarded-For", $"198.18.0.1, {forwardedFor}");
        var login = await _client.SendAsync(request);
        var access = (await login.JsonAsync())["access_token"]!.GetValue<string>();
        var sessions = await _client.GetAsync($"{ApiClient.Base}/sessions", access);
        return JsonNode.Parse(await sessions.Content.ReadAsStringAsync())!.AsArray();
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
