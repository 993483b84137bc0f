using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FullAuth.MultiInstance.Tests;

/// <summary>
/// Two API instances behind an imaginary load balancer agree on revocation, rate limits and refresh
/// rotation, survive a Redis outage without a 500, and recover when Redis returns.
/// </summary>
public sealed class TwoInstancesTests(MultiInstanceFixture fixture) : IClassFixture<MultiInstanceFixture>
{
    private const string Password = "correct horse battery staple";
    private static int _nextClient;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logout_OnA_AccessTokenRefusedOnBAtOnce()
    {
        fixture.Require();
        var client = NewClientIp();
        var email = await RegisterAsync(fixture.B, client);
        var session = await LoginAsync(fixture.A, email, client);
        (await GetMeAsync(fixture.B, session.AccessToken, client)).StatusCode.Should().Be(HttpStatusCode.OK);

        using (var logout = await SendAsync(fixture.A, HttpMethod.Post, "api/v1/auth/logout", client, session.AccessToken))
        {
            logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        using var me = await GetMeAsync(fixture.B, session.AccessToken, client);
        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_RateLimit_SharedAcrossInstances()
    {
        fixture.Require();
        var client = NewClientIp();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            last?.Dispose();
            last = await SendAsync(i % 2 == 0 ? fixture.A : fixture.B, HttpMethod.Post, "api/v1/auth/login", client,
                body: new { email = $"nobody-{client}@example.com", password = "wrong password 123" });
            statuses.Add(last.StatusCode);
        }

        statuses.Take(5).Should().OnlyContain(s => s == HttpStatusCode.Unauthorized);
        statuses[5].Should().Be(HttpStatusCode.TooManyRequests, "5 logins per client IP per window, counted across both instances");
        last!.Headers.RetryAfter.Should().NotBeNull();
        (await ErrorCodeAsync(last)).Should().Be("rate_limited");
        last.Dispose();
    }

    [Fact]
    public async Task Refresh_RotatedOnA_ReplayedOnB_RevokesTheFamily()
    {
        fixture.Require();
        var client = NewClientIp();
        var email = await RegisterAsync(fixture.A, client);
        var first = await LoginAsync(fixture.B, email, client);

        var rotated = await RefreshAsync(fixture.A, first.RefreshToken, client);
        rotated.StatusCode.Should().Be(HttpStatusCode.OK);
        var second = await ReadTokensAsync(rotated);

        using (var replay = await RefreshAsync(fixture.B, first.RefreshToken, client))
        {
            replay.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using (var newest = await RefreshAsync(fixture.A, second.RefreshToken, client))
        {
            newest.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the replay revoked the whole family");
        }

        using var me = await GetMeAsync(fixture.A, second.AccessToken, client);
        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the family's access tokens die with it");
    }

    [Fact]
    public async Task GetMe_AuthenticatedRequest_CostsOneRedisCommand()
    {
        fixture.Require();
        var client = NewClientIp();
        var email = await RegisterAsync(fixture.A, client);
        var session = await LoginAsync(fixture.A, email, client);
        (await GetMeAsync(fixture.B, session.AccessToken, client)).StatusCode.Should().Be(HttpStatusCode.OK);

        await fixture.Redis.CommandAsync("CONFIG", "RESETSTAT");
        const int requests = 20;
        for (var i = 0; i < requests; i++)
        {
            using var me = await GetMeAsync(i % 2 == 0 ? fixture.A : fixture.B, session.AccessToken, client);
            me.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var stats = ParseCommandStats((await fixture.Redis.CommandAsync("INFO", "commandstats"))!);
        stats.GetValueOrDefault("exists").Should().Be(requests);
        stats.Where(s => s.Key is not ("config|resetstat" or "info" or "ping")).Sum(s => s.Value)
            .Should().Be(requests, "one EXISTS per authenticated request and nothing else");
    }

    [Fact]
    public async Task RedisKilled_AuthenticatedRoutesAnswer503_LoginStillWorks_ThenRecovers()
    {
        fixture.Require();
        var client = NewClientIp();
        var email = await RegisterAsync(fixture.A, client);
        var session = await LoginAsync(fixture.A, email, client);
        var statuses = new List<HttpStatusCode>();

        await fixture.Redis.StopAsync();
        try
        {
            foreach (var api in new[] { fixture.A, fixture.B, fixture.A, fixture.B })
            {
                using var me = await GetMeAsync(api, session.AccessToken, client);
                statuses.Add(me.StatusCode);
                me.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "a token that cannot be checked is never accepted");
                me.Headers.RetryAfter.Should().NotBeNull();
                (await ErrorCodeAsync(me)).Should().Be("store_unavailable");
            }

            using (var login = await SendAsync(fixture.B, HttpMethod.Post, "api/v1/auth/login", client, body: new { email, password = Password }))
            {
                statuses.Add(login.StatusCode);
                login.StatusCode.Should().Be(HttpStatusCode.OK, "the rate limiter and lockout fall back to per-instance memory");
            }

            using (var ready = await SendAsync(fixture.A, HttpMethod.Get, "health/ready", client))
            {
                statuses.Add(ready.StatusCode);
                ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            }
        }
        finally
        {
            await fixture.Redis.StartAsync();
        }

        foreach (var api in new[] { fixture.A, fixture.B })
        {
            var recovered = false;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!recovered && clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                using var me = await GetMeAsync(api, session.AccessToken, client);
                statuses.Add(me.StatusCode);
                recovered = me.StatusCode == HttpStatusCode.OK;
                if (!recovered)
                {
                    me.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
                    await Task.Delay(250, _ct);
                }
            }

            recovered.Should().BeTrue($"instance {api.Name} reconnects to Redis by itself (took {clock.Elapsed})");
        }

        statuses.Should().NotContain(HttpStatusCode.InternalServerError);
        fixture.A.Output.Should().NotContainEquivalentOf("unhandled exception");
        fixture.B.Output.Should().NotContainEquivalentOf("unhandled exception");
    }

    private static string NewClientIp()
    {
        var n = Interlocked.Increment(ref _nextClient) + (Environment.ProcessId % 200 * 1000);
        return string.Create(CultureInfo.InvariantCulture, $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
    }

    private static Dictionary<string, long> ParseCommandStats(string info)
    {
        // cmdstat_exists:calls=20,usec=...
        var stats = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in info.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith("cmdstat_", StringComparison.Ordinal))
            {
                continue;
            }

            var name = line["cmdstat_".Length..line.IndexOf(':', StringComparison.Ordinal)];
            var calls = line.Split(':', 2)[1].Split(',').First(p => p.StartsWith("calls=", StringComparison.Ordinal))["calls=".Length..];
            stats[name] = long.Parse(calls, CultureInfo.InvariantCulture);
        }

        return stats;
    }

    private async Task<HttpResponseMessage> SendAsync(ApiProcess api, HttpMethod method, string path, string clientIp, string? accessToken = null, object? body = null)
    {
        using var http = api.CreateClient();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-For", clientIp);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request, _ct);
    }

    private Task<HttpResponseMessage> GetMeAsync(ApiProcess api, string accessToken, string clientIp) =>
        SendAsync(api, HttpMethod.Get, "api/v1/auth/me", clientIp, accessToken);

    private Task<HttpResponseMessage> RefreshAsync(ApiProcess api, string refreshToken, string clientIp) =>
        SendAsync(api, HttpMethod.Post, "api/v1/auth/refresh", clientIp, body: new { refresh_token = refreshToken });

    private async Task<string> RegisterAsync(ApiProcess api, string clientIp)
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        using var response = await SendAsync(api, HttpMethod.Post, "api/v1/auth/register", clientIp, body: new { email, password = Password });
        ((int)response.StatusCode).Should().BeOneOf([201, 202], await response.Content.ReadAsStringAsync(_ct));
        return email;
    }

    private async Task<Tokens> LoginAsync(ApiProcess api, string email, string clientIp)
    {
        using var response = await SendAsync(api, HttpMethod.Post, "api/v1/auth/login", clientIp, body: new { email, password = Password });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(_ct));
        return await ReadTokensAsync(response);
    }

    private async Task<Tokens> ReadTokensAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct));
        return new Tokens(json.RootElement.GetProperty("access_token").GetString()!, json.RootElement.GetProperty("refresh_token").GetString()!);
    }

    private async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct));
        return json.RootElement.GetProperty("code").GetString();
    }

    private sealed record Tokens(string AccessToken, string RefreshToken);
}
