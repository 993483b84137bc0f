using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace FullAuth.Hardening.Tests;

/// <summary>
/// Mixed load (login, me, refresh, logout, failed logins) on loopback with memory sampled from /proc:
/// no growth trend in RSS and no 5xx. Short lifetimes and windows make blacklist, limiter and lockout
/// entries expire during the run, so their eviction is part of what is measured. 60 s in CI; set
/// <c>FULLAUTH_SOAK_SECONDS=600</c> for the 10-minute run (bench/soak/run.sh).
/// </summary>
public sealed class SoakTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fullauth-soak-").FullName;

    private static TimeSpan Duration =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("FULLAUTH_SOAK_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 60);

    [Fact]
    public async Task MixedLoad_MemoryStaysFlatAndNothingFails()
    {
        var ct = TestContext.Current.CancellationToken;
        var environment = Api.BaseEnvironment(Path.Combine(_directory, "fullauth.db"));
        environment["FullAuth__TrustedProxies__0"] = "127.0.0.1";
        environment["FullAuth__Jwt__AccessTokenLifetime"] = "00:00:20";
        environment["FullAuth__Jwt__ClockSkew"] = "00:00:05";
        environment["FullAuth__RateLimits__Window"] = "00:00:10";
        environment["FullAuth__Lockout__Duration"] = "00:00:20";
        environment["DOTNET_gcServer"] = "0";
        await using var api = await ApiProcess.StartAsync(environment, ct);
        using var client = api.CreateClient();

        var users = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            var email = Api.NewEmail("soak");
            (await client.PostAsync($"{Api.Base}/register", new { email, password = Api.Password }, clientIp: Api.RandomIp(), cancellationToken: ct)).EnsureSuccessStatusCode();
            users.Add(email);
        }

        var samples = new List<(TimeSpan At, long Rss)>();
        var errors = new List<string>();
        var requests = 0;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(Duration);
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            while (!stop.IsCancellationRequested)
            {
                var ip = Api.RandomIp();
                var steps = new List<HttpResponseMessage>();
                var login = await client.PostAsync($"{Api.Base}/login", new { email = users[random.Next(users.Count)], password = Api.Password }, clientIp: ip, cancellationToken: ct);
                steps.Add(login);
                if (login.StatusCode == HttpStatusCode.OK)
                {
                    var body = await login.JsonAsync();
                    var access = body["access_token"]!.GetValue<string>();
                    steps.Add(await client.GetAsync($"{Api.Base}/me", access, ip, ct));
                    var refreshed = await client.PostAsync($"{Api.Base}/refresh", new { refresh_token = body["refresh_token"]!.GetValue<string>() }, clientIp: ip, cancellationToken: ct);
                    steps.Add(refreshed);
                    if (refreshed.StatusCode == HttpStatusCode.OK)
                    {
                        access = (await refreshed.JsonAsync())["access_token"]!.GetValue<string>();
                    }

                    steps.Add(await client.GetAsync($"{Api.Base}/me", access, ip, ct));
                    steps.Add(await client.PostAsync($"{Api.Base}/logout", new { }, access, ip, ct));
                    steps.Add(await client.GetAsync($"{Api.Base}/me", access, ip, ct));
                }

                steps.Add(await client.PostAsync($"{Api.Base}/login", new { email = Api.NewEmail("nobody"), password = "wrong password" }, clientIp: Api.RandomIp(), cancellationToken: ct));
                Interlocked.Add(ref requests, steps.Count);
                foreach (var step in steps.Where(s => (int)s.StatusCode >= 500 || s.StatusCode == HttpStatusCode.TooManyRequests && s.RequestMessage!.RequestUri!.AbsolutePath.EndsWith("/me", StringComparison.Ordinal)))
                {
                    lock (errors)
                    {
                        errors.Add($"{step.RequestMessage!.Method} {step.RequestMessage.RequestUri!.AbsolutePath}: {(int)step.StatusCode}");
                    }
                }
            }
        }, ct)).ToList();

        while (!stop.IsCancellationRequested)
        {
            samples.Add((clock.Elapsed, api.ResidentBytes));
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await Task.WhenAll(workers);

        errors.Should().BeEmpty();
        requests.Should().BeGreaterThan((int)Duration.TotalSeconds * 10, "the load must be real");
        // Skip the first 30 % (JIT, pools, GC sizing), then compare the last third with the first third.
        var steady = samples.Where(s => s.At > Duration * 0.3).Select(s => s.Rss).ToArray();
        var third = Math.Max(1, steady.Length / 3);
        var early = Median(steady[..third]);
        var late = Median(steady[^third..]);
        var allowed = Math.Max(32L * 1024 * 1024, early / 5);
        (late - early).Should().BeLessThan(
            allowed,
            "RSS must not trend upwards under steady load: {0:F0} MB early, {1:F0} MB late, {2} requests in {3}",
            early / 1048576.0,
            late / 1048576.0,
            requests,
            Duration);
        TestContext.Current.SendDiagnosticMessage($"soak: {requests} requests in {Duration}, RSS {early / 1048576.0:F0} MB -> {late / 1048576.0:F0} MB");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static long Median(long[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
