using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Infrastructure.Stores.Redis;
using FullAuth.Tests.Fixtures;
using StackExchange.Redis.Profiling;

namespace FullAuth.Infrastructure.IntegrationTests.Stores;

public sealed class RedisTokenBlacklistTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task IsRevokedAsync_NothingRevoked_ReturnsFalse()
    {
        redis.Require();
        await using var host = StoreHost.OnRedis(redis.ConnectionString, StoreHost.NewPrefix());
        var blacklist = host.Get<ITokenBlacklist>();

        blacklist.Should().BeOfType<RedisTokenBlacklist>();
        (await blacklist.IsRevokedAsync("jti-1", "sid-1", _ct)).Should().BeFalse();
    }

    [Fact]
    public async Task RevokeTokenAsync_OnOneInstance_RevokedOnTheOtherAtOnce()
    {
        redis.Require();
        var prefix = StoreHost.NewPrefix();
        await using var a = StoreHost.OnRedis(redis.ConnectionString, prefix);
        await using var b = StoreHost.OnRedis(redis.ConnectionString, prefix);

        await a.Get<ITokenBlacklist>().RevokeTokenAsync("jti-1", TimeSpan.FromMinutes(5), _ct);

        (await b.Get<ITokenBlacklist>().IsRevokedAsync("jti-1", "sid-1", _ct)).Should().BeTrue();
        (await b.Get<ITokenBlacklist>().IsRevokedAsync("jti-2", "sid-1", _ct)).Should().BeFalse();
    }

    [Fact]
    public async Task RevokeSessionAsync_AnyTokenOfTheSession_Revoked()
    {
        redis.Require();
        var prefix = StoreHost.NewPrefix();
        await using var a = StoreHost.OnRedis(redis.ConnectionString, prefix);
        await using var b = StoreHost.OnRedis(redis.ConnectionString, prefix);

        await a.Get<ITokenBlacklist>().RevokeSessionAsync("sid-1", TimeSpan.FromMinutes(5), _ct);

        (await b.Get<ITokenBlacklist>().IsRevokedAsync("jti-1", "sid-1", _ct)).Should().BeTrue();
        (await b.Get<ITokenBlacklist>().IsRevokedAsync("jti-2", "sid-1", _ct)).Should().BeTrue();
        (await b.Get<ITokenBlacklist>().IsRevokedAsync("jti-1", "sid-2", _ct)).Should().BeFalse();
    }

    [Fact]
    public async Task RevokeSessionAsync_TtlElapsed_EntryGone()
    {
        redis.Require();
        await using var host = StoreHost.OnRedis(redis.ConnectionString, StoreHost.NewPrefix());
        var blacklist = host.Get<ITokenBlacklist>();

        await blacklist.RevokeSessionAsync("sid-1", TimeSpan.FromMilliseconds(300), _ct);
        (await blacklist.IsRevokedAsync("jti-1", "sid-1", _ct)).Should().BeTrue();

        await Task.Delay(TimeSpan.FromMilliseconds(600), _ct);
        (await blacklist.IsRevokedAsync("jti-1", "sid-1", _ct)).Should().BeFalse();
    }

    [Fact]
    public async Task RevokeTokenAsync_KeyPrefix_KeysLiveUnderThePrefixWithATtl()
    {
        var server = redis.Require();
        var prefix = StoreHost.NewPrefix();
        await using var host = StoreHost.OnRedis(redis.ConnectionString, prefix);

        await host.Get<ITokenBlacklist>().RevokeTokenAsync("jti-9", TimeSpan.FromMinutes(2), _ct);
        await host.Get<ITokenBlacklist>().RevokeSessionAsync("sid-9", TimeSpan.FromMinutes(2), _ct);

        (await server.CommandAsync("EXISTS", prefix + "bl:jti:jti-9", prefix + "bl:sid:sid-9")).Should().Be("2");
        var ttl = long.Parse((await server.CommandAsync("PTTL", prefix + "bl:jti:jti-9"))!, System.Globalization.CultureInfo.InvariantCulture);
        ttl.Should().BeInRange(1, 120_000);
    }

    [Fact]
    public async Task IsRevokedAsync_FastPath_OneRoundTripOneCommand()
    {
        redis.Require();
        await using var host = StoreHost.OnRedis(redis.ConnectionString, StoreHost.NewPrefix());
        var blacklist = host.Get<ITokenBlacklist>();
        (await blacklist.IsRevokedAsync("warm-up", "warm-up", _ct)).Should().BeFalse();
        var multiplexer = await host.MultiplexerAsync();
        var session = new ProfilingSession();
        multiplexer.RegisterProfiler(() => session);

        (await blacklist.IsRevokedAsync("jti-1", "sid-1", _ct)).Should().BeFalse();

        var commands = session.FinishProfiling().ToList();
        commands.Should().ContainSingle().Which.Command.Should().Be("EXISTS");
    }

    [Fact]
    public async Task IsRevokedAsync_RedisUnreachable_ThrowsStoreUnavailableWithRetryAfter()
    {
        await using var host = StoreHost.OnRedis(StoreHost.UnreachableRedisUrl(), StoreHost.NewPrefix());
        var blacklist = host.Get<ITokenBlacklist>();

        var act = async () => await blacklist.IsRevokedAsync("jti-1", "sid-1", _ct);

        var thrown = await act.Should().ThrowAsync<ServiceUnavailableException>();
        thrown.Which.Code.Should().Be(ErrorCodes.StoreUnavailable);
        thrown.Which.RetryAfter.Should().BePositive();
        host.Unavailable.Should().Be(1);
    }

    [Fact]
    public async Task RevokeSessionAsync_RedisUnreachable_ThrowsStoreUnavailable()
    {
        await using var host = StoreHost.OnRedis(StoreHost.UnreachableRedisUrl(), StoreHost.NewPrefix());

        var act = async () => await host.Get<ITokenBlacklist>().RevokeSessionAsync("sid-1", TimeSpan.FromMinutes(1), _ct);

        (await act.Should().ThrowAsync<ServiceUnavailableException>()).Which.Code.Should().Be(ErrorCodes.StoreUnavailable);
    }

    [Fact]
    public async Task IsRevokedAsync_RedisRestarted_RecoversWithoutRestartingTheApp()
    {
        await using var own = await RedisServer.TryStartAsync();
        if (own is null)
        {
            redis.Require();
            return;
        }

        await using var host = StoreHost.OnRedis(own.ConnectionString, StoreHost.NewPrefix());
        var blacklist = host.Get<ITokenBlacklist>();
        (await blacklist.IsRevokedAsync("jti-1", "sid-1", _ct)).Should().BeFalse();

        await own.StopAsync();
        var down = async () => await blacklist.IsRevokedAsync("jti-1", "sid-1", _ct);
        await down.Should().ThrowAsync<ServiceUnavailableException>();

        await own.StartAsync();
        var recovered = await Eventually.SucceedsAsync(async () => await blacklist.IsRevokedAsync("jti-1", "sid-1", _ct), TimeSpan.FromSeconds(20));
        recovered.Should().BeFalse();
    }
}
