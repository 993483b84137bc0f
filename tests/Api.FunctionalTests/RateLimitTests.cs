using System.Net;
using System.Net.Http.Json;
using FullAuth.Api.FunctionalTests.Infrastructure;
using static FullAuth.Api.FunctionalTests.Infrastructure.ApiClient;

namespace FullAuth.Api.FunctionalTests;

public sealed class RateLimitTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Login_SixthAttemptFromOnePeer_Returns429WithHeaders()
    {
        var peer = NewPeer();
        var email = NewEmail();
        await _client.RegisterAsync(email);

        var first = await _client.LoginAsync(email, peer: peer);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(first, "X-RateLimit-Limit").Should().Be("5");
        Header(first, "X-RateLimit-Remaining").Should().Be("4");
        int.Parse(Header(first, "X-RateLimit-Reset"), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 60);

        for (var i = 2; i <= 5; i++)
        {
            var allowed = await _client.LoginAsync(NewEmail("other"), "whatever password", peer: peer);
            allowed.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "request {0} is within the limit", i);
            Header(allowed, "X-RateLimit-Remaining").Should().Be((5 - i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var sixth = await _client.LoginAsync(email, peer: peer);

        await sixth.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        sixth.Headers.RetryAfter.Should().NotBeNull();
        sixth.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        Header(sixth, "X-RateLimit-Limit").Should().Be("5");
        Header(sixth, "X-RateLimit-Remaining").Should().Be("0");
        int.Parse(Header(sixth, "X-RateLimit-Reset"), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 60);

        var otherPeer = await _client.LoginAsync(email, peer: NewPeer());
        otherPeer.StatusCode.Should().Be(HttpStatusCode.OK, "the limit is per client address");
    }

    [Fact]
    public async Task Login_RateLimitedAttempts_DoNotCountTowardLockout()
    {
        var peer = NewPeer();
        for (var i = 0; i < 5; i++)
        {
            await _client.LoginAsync(NewEmail("filler"), "whatever password", peer: peer);
        }

        var email = NewEmail();
        await _client.RegisterAsync(email);
        for (var i = 0; i < 5; i++)
        {
            (await _client.LoginAsync(email, "wrong password", peer: peer)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        }

        (await _client.LoginAsync(email, peer: NewPeer())).StatusCode.Should().Be(HttpStatusCode.OK, "refused attempts never reached the password check");
    }

    [Fact]
    public async Task Register_FourthFromOnePeer_Returns429()
    {
        var peer = NewPeer();

        for (var i = 0; i < 3; i++)
        {
            var allowed = await _client.SendJsonAsync(HttpMethod.Post, $"{Base}/register", new { email = NewEmail(), password = StrongPassword }, peer: peer);
            allowed.StatusCode.Should().Be(HttpStatusCode.Accepted);
            Header(allowed, "X-RateLimit-Limit").Should().Be("3");
        }

        var fourth = await _client.SendJsonAsync(HttpMethod.Post, $"{Base}/register", new { email = NewEmail(), password = StrongPassword }, peer: peer);

        await fourth.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        fourth.Headers.RetryAfter.Should().NotBeNull();
        var elsewhere = await _client.SendJsonAsync(HttpMethod.Post, $"{Base}/register", new { email = NewEmail(), password = StrongPassword }, peer: NewPeer());
        elsewhere.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Register_RateLimited_CreatesNoAccount()
    {
        var peer = NewPeer();
        for (var i = 0; i < 3; i++)
        {
            await _client.SendJsonAsync(HttpMethod.Post, $"{Base}/register", new { email = NewEmail(), password = StrongPassword }, peer: peer);
        }

        var email = NewEmail();
        (await _client.SendJsonAsync(HttpMethod.Post, $"{Base}/register", new { email, password = StrongPassword }, peer: peer)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);

        (await _client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_AfterTheWindow_IsAllowedAgain()
    {
        await using var custom = FullAuthFactory.With(("FullAuth:RateLimits:Window", "00:00:02"), ("FullAuth:RateLimits:Login", "2"));
        var client = custom.CreateClient();
        var peer = NewPeer();
        var email = NewEmail();
        await client.RegisterAsync(email);
        await client.LoginAsync(email, peer: peer);
        await client.LoginAsync(email, peer: peer);
        (await client.LoginAsync(email, peer: peer)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        (await client.LoginAsync(email, peer: peer)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_OverTheConfiguredLimit_Returns429()
    {
        await using var custom = FullAuthFactory.With(("FullAuth:RateLimits:Refresh", "2"));
        var client = custom.CreateClient();
        var peer = NewPeer();

        for (var i = 0; i < 2; i++)
        {
            (await client.SendJsonAsync(HttpMethod.Post, $"{Base}/refresh", new { refresh_token = "unknown-token-value" }, peer: peer)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var third = await client.SendJsonAsync(HttpMethod.Post, $"{Base}/refresh", new { refresh_token = "unknown-token-value" }, peer: peer);

        await third.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task Login_WithRateLimitsDisabled_NeverReturns429()
    {
        await using var custom = FullAuthFactory.With(("FullAuth:RateLimits:Enabled", "false"));
        var client = custom.CreateClient();
        var peer = NewPeer();

        for (var i = 0; i < 7; i++)
        {
            (await client.LoginAsync(NewEmail(), "whatever password", peer: peer)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Login_IPv6PeersInOneSlash64_ShareABucket()
    {
        var prefix = $"2001:db8:{Random.Shared.Next(0x10000):x}:{Random.Shared.Next(0x10000):x}";

        for (var i = 1; i <= 5; i++)
        {
            (await _client.LoginAsync(NewEmail(), "whatever password", peer: $"{prefix}::{i}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var sixth = await _client.LoginAsync(NewEmail(), "whatever password", peer: $"{prefix}:ffff:ffff:ffff:ffff");

        await sixth.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task Login_ForwardedForFromUntrustedPeer_IsIgnored()
    {
        var peer = NewPeer();

        for (var i = 0; i < 5; i++)
        {
            await ForwardedLoginAsync(_client, peer, NewPeer());
        }

        (await ForwardedLoginAsync(_client, peer, NewPeer())).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Login_ForwardedForFromTrustedProxy_LimitsPerClient()
    {
        await using var custom = FullAuthFactory.With(("FullAuth:TrustedProxies:0", "10.200.0.0/16"));
        var client = custom.CreateClient();
        var proxy = "10.200.1.1";
        var limitedClient = NewPeer();

        for (var i = 0; i < 5; i++)
        {
            (await ForwardedLoginAsync(client, proxy, $"{limitedClient}, 10.200.3.3")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await ForwardedLoginAsync(client, proxy, limitedClient)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await ForwardedLoginAsync(client, proxy, NewPeer())).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "another client behind the same proxy has its own bucket");
        (await ForwardedLoginAsync(client, proxy, $"{NewPeer()}, {limitedClient}")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the right-most untrusted hop is the client");
    }

    private static async Task<HttpResponseMessage> ForwardedLoginAsync(HttpClient client, string peer, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/login")
        {
            Content = JsonContent.Create(new { email = NewEmail(), password = "whatever password" }),
        };
        request.Headers.Add("X-Test-Peer", peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    private static string NewPeer() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new InvalidOperationException($"{name} header missing");
}
