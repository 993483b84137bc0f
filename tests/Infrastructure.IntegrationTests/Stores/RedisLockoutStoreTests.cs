using FullAuth.Application.Common.Interfaces;
using FullAuth.Infrastructure.Stores.Redis;
using FullAuth.Tests.Fixtures;

namespace FullAuth.Infrastructure.IntegrationTests.Stores;

public sealed class RedisLockoutStoreTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordFailureAsync_MaxReachedAcrossInstances_LocksEverywhere()
    {
        redis.Require();
        var prefix = StoreHost.NewPrefix();
        await using var a = StoreHost.OnRedis(redis.ConnectionString, prefix);
        await using var b = StoreHost.OnRedis(redis.ConnectionString, prefix);
        a.Get<ILockoutStore>().Should().BeOfType<RedisLockoutStore>();

        var lockedNow = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            lockedNow.Add(await (i % 2 == 0 ? a : b).Get<ILockoutStore>().RecordFailureAsync("user@example.com", 3, Duration, _ct));
        }

        lockedNow.Should().Equal(false, false, true);
        (await a.Get<ILockoutStore>().IsLockedAsync("user@example.com", _ct)).Should().BeTrue();
        (await b.Get<ILockoutStore>().IsLockedAsync("user@example.com", _ct)).Should().BeTrue();
        (await b.Get<ILockoutStore>().IsLockedAsync("other@example.com", _ct)).Should().BeFalse();
        (await b.Get<ILockoutStore>().RecordFailureAsync("user@example.com", 3, Duration, _ct)).Should().BeFalse("it is already locked");
    }

    [Fact]
    public async Task RecordFailureAsync_ConcurrentFailures_ExactlyOneLocks()
    {
        redis.Require();
        var prefix = StoreHost.NewPrefix();
        await using var a = StoreHost.OnRedis(redis.ConnectionString, prefix);
        await using var b = StoreHost.OnRedis(redis.ConnectionString, prefix);

        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => (i % 2 == 0 ? a : b).Get<ILockoutStore>().RecordFailureAsync("race@example.com", 5, Duration, _ct).AsTask()));

        results.Count(locked => locked).Should().Be(1);
        (await a.Get<ILockoutStore>().IsLockedAsync("race@example.com", _ct)).Should().BeTrue();
    }

    [Fact]
    public async Task ResetAsync_AfterFailures_CountStartsOver()
    {
        redis.Require();
        await using var host = StoreHost.OnRedis(redis.ConnectionString, StoreHost.NewPrefix());
        var store = host.Get<ILockoutStore>();

        await store.RecordFailureAsync("reset@example.com", 3, Duration, _ct);
        await store.RecordFailureAsync("reset@example.com", 3, Duration, _ct);
        await store.ResetAsync("reset@example.com", _ct);

        (await store.RecordFailureAsync("reset@example.com", 3, Duration, _ct)).Should().BeFalse();
        (await store.RecordFailureAsync("reset@example.com", 3, Duration, _ct)).Should().BeFalse();
        (await store.IsLockedAsync("reset@example.com", _ct)).Should().BeFalse();
    }

    [Fact]
    public async Task IsLockedAsync_DurationElapsed_Unlocked()
    {
        redis.Require();
        await using var host = StoreHost.OnRedis(redis.ConnectionString, StoreHost.NewPrefix());
        var store = host.Get<ILockoutStore>();

        (await store.RecordFailureAsync("short@example.com", 1, TimeSpan.FromMilliseconds(400), _ct)).Should().BeTrue();
        (await store.IsLockedAsync("short@example.com", _ct)).Should().BeTrue();
        await Task.Delay(TimeSpan.FromMilliseconds(700), _ct);

        (await store.IsLockedAsync("short@example.com", _ct)).Should().BeFalse();
    }

    [Fact]
    public async Task RecordFailureAsync_RedisUnreachable_FallsBackToPerInstanceMemory()
    {
        await using var host = StoreHost.OnRedis(StoreHost.UnreachableRedisUrl(), StoreHost.NewPrefix());
        var store = host.Get<ILockoutStore>();

        (await store.RecordFailureAsync("down@example.com", 2, Duration, _ct)).Should().BeFalse();
        (await store.RecordFailureAsync("down@example.com", 2, Duration, _ct)).Should().BeTrue();
        (await store.IsLockedAsync("down@example.com", _ct)).Should().BeTrue();
        host.Fallbacks.Should().Be(3);
    }
}
