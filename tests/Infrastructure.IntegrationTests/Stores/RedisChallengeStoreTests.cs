using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Infrastructure.Stores.Redis;
using FullAuth.Tests.Fixtures;

namespace FullAuth.Infrastructure.IntegrationTests.Stores;

public sealed class RedisChallengeStoreTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TakeAsync_SetOnOtherInstance_ReturnsValueOnce()
    {
        redis.Require();
        var prefix = StoreHost.NewPrefix();
        await using var a = StoreHost.OnRedis(redis.ConnectionString, prefix);
        await using var b = StoreHost.OnRedis(redis.ConnectionString, prefix);
        a.Get<IChallengeStore>().Should().BeOfType<RedisChallengeStore>();

        await a.Get<IChallengeStore>().SetAsync("passkey:abc", "challenge-bytes", Ttl, _ct);

        (await b.Get<IChallengeStore>().TakeAsync("passkey:abc", _ct)).Should().Be("challenge-bytes");
        (await a.Get<IChallengeStore>().TakeAsync("passkey:abc", _ct)).Should().BeNull();
    }

    [Fact]
    public async Task TakeAsync_ConcurrentTakersOnTwoInstances_ExactlyOneGetsTheValue()
    {
        redis.Require();
        var prefix = StoreHost.NewPrefix();
        await using var a = StoreHost.OnRedis(redis.ConnectionString, prefix);
        await using var b = StoreHost.OnRedis(redis.ConnectionString, prefix);
        await a.Get<IChallengeStore>().SetAsync("oauth-state:xyz", "state", Ttl, _ct);

        var taken = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => (i % 2 == 0 ? a : b).Get<IChallengeStore>().TakeAsync("oauth-state:xyz", _ct).AsTask()));

        taken.Count(v => v == "state").Should().Be(1);
        taken.Count(v => v is null).Should().Be(19);
    }

    [Fact]
    public async Task TakeAsync_TtlElapsed_ReturnsNull()
    {
        redis.Require();
        await using var host = StoreHost.OnRedis(redis.ConnectionString, StoreHost.NewPrefix());
        var store = host.Get<IChallengeStore>();

        await store.SetAsync("mfa:1", "token", TimeSpan.FromMilliseconds(300), _ct);
        await Task.Delay(TimeSpan.FromMilliseconds(600), _ct);

        (await store.TakeAsync("mfa:1", _ct)).Should().BeNull();
    }

    [Fact]
    public async Task SetAsync_SameKeyTwice_LatestValueWins()
    {
        redis.Require();
        await using var host = StoreHost.OnRedis(redis.ConnectionString, StoreHost.NewPrefix());
        var store = host.Get<IChallengeStore>();

        await store.SetAsync("k", "first", Ttl, _ct);
        await store.SetAsync("k", "second", Ttl, _ct);

        (await store.TakeAsync("k", _ct)).Should().Be("second");
    }

    [Fact]
    public async Task TakeAsync_RedisUnreachable_ThrowsStoreUnavailable()
    {
        await using var host = StoreHost.OnRedis(StoreHost.UnreachableRedisUrl(), StoreHost.NewPrefix());

        var act = async () => await host.Get<IChallengeStore>().TakeAsync("k", _ct);

        (await act.Should().ThrowAsync<ServiceUnavailableException>()).Which.Code.Should().Be(ErrorCodes.StoreUnavailable);
    }
}
