using System.Net;

namespace FullAuth.Hardening.Tests;

/// <summary>SIGTERM lets requests already in flight finish with their real answers, then the process exits 0.</summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fullauth-term-").FullName;

    [Fact]
    public async Task SigTermWithRequestsInFlight_AnswersEveryOneThenExitsCleanly()
    {
        var ct = TestContext.Current.CancellationToken;
        var environment = Api.BaseEnvironment(Path.Combine(_directory, "fullauth.db"));
        environment["FullAuth__RateLimits__Enabled"] = "false";
        // One hashing slot and the production hasher: logins queue behind each other, so several are
        // still running when the signal arrives.
        environment["FullAuth__Password__Hasher"] = "argon2id";
        environment["FullAuth__Password__MaxConcurrentHashes"] = "1";
        environment["FullAuth__Password__QueueTimeout"] = "00:00:20";
        await using var api = await ApiProcess.StartAsync(environment, ct);
        using var client = api.CreateClient();
        var email = Api.NewEmail("term");
        (await client.PostAsync($"{Api.Base}/register", new { email, password = Api.Password }, cancellationToken: ct)).EnsureSuccessStatusCode();

        var inFlight = Enumerable.Range(0, 12)
            .Select(i => client.PostAsync($"{Api.Base}/login", new { email = Api.NewEmail("ghost"), password = $"guess {i}" }, cancellationToken: ct))
            .ToArray();
        await Task.Delay(150, ct);
        inFlight.Count(t => t.IsCompleted).Should().BeLessThan(inFlight.Length, "some requests must still be running when SIGTERM arrives");

        await api.TerminateAsync();
        var answers = await Task.WhenAll(inFlight);

        answers.Select(r => r.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.Unauthorized, "each in-flight login gets its real answer, not a reset connection");
        using var exit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        exit.CancelAfter(TimeSpan.FromSeconds(30));
        await api.WaitForExitAsync(exit.Token);
        api.ExitCode.Should().Be(0, api.Output);
        await FluentActions.Awaiting(() => client.GetAsync("health/live", ct)).Should().ThrowAsync<HttpRequestException>("the process is gone");
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
}
