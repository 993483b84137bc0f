using FullAuth.Infrastructure.Stores;
using Microsoft.Extensions.Time.Testing;

namespace FullAuth.Infrastructure.IntegrationTests.Stores;

public sealed class InMemoryRateLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private static async Task<int> AllowedOfConcurrentAsync(InMemoryRateLimiter limiter, string key, int limit, int callers)
    {
        using var start = new Barrier(callers);
        var tasks = Enumerable.Range(0, callers).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return limiter.AcquireAsync(key, limit, Window, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToList();
        var decisions = await Task.WhenAll(tasks);
        return decisions.Count(d => d.Allowed);
    }

    [Fact]
    public async Task AcquireAsync_FiftyConcurrentCallers_AllowsExactlyTheLimit()
    {
        var limiter = new InMemoryRateLimiter(_time);

        (await AllowedOfConcurrentAsync(limiter, "login:1.2.3.4", 7, 50)).Should().Be(7);
    }

    [Fact]
    public async Task AcquireAsync_SequentialCalls_CountDownRemainingAndReportReset()
    {
        var limiter = new InMemoryRateLimiter(_time);

        var first = await limiter.AcquireAsync("k", 3, Window, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(20));
        var second = await limiter.AcquireAsync("k", 3, Window, CancellationToken.None);
        var third = await limiter.AcquireAsync("k", 3, Window, CancellationToken.None);
        var fourth = await limiter.AcquireAsync("k", 3, Window, CancellationToken.None);

        first.Should().Be(new FullAuth.Application.Common.Interfaces.RateLimitDecision(true, 3, 2, Window));
        second.Remaining.Should().Be(1);
        third.Should().Match<FullAuth.Application.Common.Interfaces.RateLimitDecision>(d => d.Allowed && d.Remaining == 0);
        fourth.Allowed.Should().BeFalse();
        fourth.Remaining.Should().Be(0);
        fourth.ResetAfter.Should().Be(TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task AcquireAsync_AfterTheWindow_Resets()
    {
        var limiter = new InMemoryRateLimiter(_time);
        (await AllowedOfConcurrentAsync(limiter, "k", 5, 20)).Should().Be(5);

        _time.Advance(Window);

        (await AllowedOfConcurrentAsync(limiter, "k", 5, 20)).Should().Be(5);
    }

    [Fact]
    public async Task AcquireAsync_JustBeforeTheWindowEnds_StillRefuses()
    {
        var limiter = new InMemoryRateLimiter(_time);
        await limiter.AcquireAsync("k", 1, Window, CancellationToken.None);

        _time.Advance(Window - TimeSpan.FromSeconds(1));

        (await limiter.AcquireAsync("k", 1, Window, CancellationToken.None)).Allowed.Should().BeFalse();
    }

    [Fact]
    public async Task AcquireAsync_SeparateKeys_AreIndependent()
    {
        var limiter = new InMemoryRateLimiter(_time);
        (await AllowedOfConcurrentAsync(limiter, "login:a", 2, 10)).Should().Be(2);

        (await limiter.AcquireAsync("login:b", 2, Window, CancellationToken.None)).Allowed.Should().BeTrue();
        (await limiter.AcquireAsync("register:a", 2, Window, CancellationToken.None)).Allowed.Should().BeTrue();
    }
}
