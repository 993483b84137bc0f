using FullAuth.Application.Common.Interfaces;
using FullAuth.Infrastructure.Stores.Redis;
using FullAuth.Tests.Fixtures;

namespace FullAuth.Infrastructure.IntegrationTests.Stores;

public sealed class RedisRateLimiterTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AcquireAsync_TwoInstances_ShareOneWindow()
    {
        redis.Require();
        var prefix = StoreHost.NewPrefix();
        await using var a = StoreHost.OnRedis(redis.ConnectionString, prefix);
        await using var b = StoreHost.OnRedis(redis.ConnectionString, prefix);
        a.Get<IRateLimiter>().Should().BeOfType<RedisRateLimiter>();

        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 6; i++)
        {
            var limiter = (i % 2 == 0 ? a : b).Get<IRateLimiter>();
            decisions.Add(await limiter.AcquireAsync("login:10.0.0.1", 5, Minute, _ct));
        }

        decisions.Select(d => d.Allowed).Should().Equal(true, true, true, true, true, false);
        decisions.Select(d => d.Remaining).Should().Equal(4, 3, 2, 1, 0, 0);
        decisions.Should().OnlyContain(d => d.Limit == 5 && d.ResetAfter > TimeSpan.Zero && d.ResetAfter <= Minute);
    }

    [Fact]
    public async Task AcquireAsync_ConcurrentCallersOnTwoInstances_ExactlyTheLimitPasses()
    {
        redis.Require();
        var prefix = StoreHost.NewPrefix();
        await using var a = StoreHost.OnRedis(redis.ConnectionString, prefix);
        await using var b = StoreHost.OnRedis(redis.ConnectionString, prefix);

        var calls = Enumerable.Range(0, 40)
            .Select(i => (i % 2 == 0 ? a : b).Get<IRateLimiter>().AcquireAsync("login:10.0.0.2", 10, Minute, _ct).AsTask());
        var decisions = await Task.WhenAll(calls);

        decisions.Count(d => d.Allowed).Should().Be(10);
    }

    [Fact]
    public async Task AcquireAsync_DifferentBuckets_CountedUnderSeparateKeys()
    {
        var server = redis.Require();
        var prefix = StoreHost.NewPrefix();
        await using var host = StoreHost.OnRedis(redis.ConnectionString, prefix);
        var limiter = host.Get<IRateLimiter>();

        (await limiter.AcquireAsync("login:10.0.0.3", 1, Minute, _ct)).Allowed.Should().BeTrue();
        (await limiter.AcquireAsync("register:10.0.0.3", 1, Minute, _ct)).Allowed.Should().BeTrue();
        (await limiter.AcquireAsync("login:10.0.0.4", 1, Minute, _ct)).Allowed.Should().BeTrue();
        (await limiter.AcquireAsync("login:10.0.0.3", 1, Minute, _ct)).Allowed.Should().BeFalse();

        (await server.CommandAsync("GET", prefix + "rl:login:10.0.0.3")).Should().Be("2");
        (await server.CommandAsync("GET", prefix + "rl:register:10.0.0.3")).Should().Be("1");
    }

    [Fact]
    public async Task AcquireAsync_WindowElapsed_CountsAfresh()
    {
        redis.Require();
        await using var host = StoreHost.OnRedis(redis.ConnectionString, StoreHost.NewPrefix());
        var limiter = host.Get<IRateLimiter>();
        var window = TimeSpan.FromMilliseconds(400);

        (await limiter.AcquireAsync("k", 1, window, _ct)).Allowed.Should().BeTrue();
        (await limiter.AcquireAsync("k", 1, window, _ct)).Allowed.Should().BeFalse();
        await Task.Delay(TimeSpan.FromMilliseconds(700), _ct);

        (await limiter.AcquireAsync("k", 1, window, _ct)).Allowed.Should().BeTrue();
    }

    [Fact]
    public async Task AcquireAsync_RedisUnreachable_FallsBackToPerInstanceMemoryNeverOff()
    {
        await using var host = StoreHost.OnRedis(StoreHost.UnreachableRedisUrl(), StoreHost.NewPrefix());
        var limiter = host.Get<IRateLimiter>();

        var decisions = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            decisions.Add((await limiter.AcquireAsync("login:10.0.0.5", 2, Minute, _ct)).Allowed);
        }

        decisions.Should().Equal(true, true, false);
        host.Fallbacks.Should().Be(3);
    }
}
