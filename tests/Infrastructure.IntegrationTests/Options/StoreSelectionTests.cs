using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Infrastructure.Stores;
using FullAuth.Infrastructure.Stores.Redis;
using FullAuth.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.IntegrationTests.Options;

public sealed class StoreSelectionTests
{
    [Fact]
    public async Task AddInfrastructure_NothingSet_EveryStoreInMemory()
    {
        await using var host = StoreHost.Create(new Dictionary<string, string?>());

        host.Get<ITokenBlacklist>().Should().BeOfType<InMemoryTokenBlacklist>();
        host.Get<IRateLimiter>().Should().BeOfType<InMemoryRateLimiter>();
        host.Get<ILockoutStore>().Should().BeOfType<InMemoryLockoutStore>();
        host.Get<IChallengeStore>().Should().BeOfType<InMemoryChallengeStore>();
    }

    [Fact]
    public async Task AddInfrastructure_RedisUrlWithoutBackend_EveryStoreOnRedis()
    {
        await using var host = StoreHost.Create(new Dictionary<string, string?> { ["FullAuth:RedisUrl"] = "127.0.0.1:6379" });

        host.Get<ITokenBlacklist>().Should().BeOfType<RedisTokenBlacklist>();
        host.Get<IRateLimiter>().Should().BeOfType<RedisRateLimiter>();
        host.Get<ILockoutStore>().Should().BeOfType<RedisLockoutStore>();
        host.Get<IChallengeStore>().Should().BeOfType<RedisChallengeStore>();
    }

    [Fact]
    public async Task AddInfrastructure_BackendMemoryWithRedisUrl_EveryStoreInMemory()
    {
        await using var host = StoreHost.Create(new Dictionary<string, string?>
        {
            ["FullAuth:RedisUrl"] = "127.0.0.1:6379",
            ["FullAuth:Backend"] = "memory",
        });

        host.Get<ITokenBlacklist>().Should().BeOfType<InMemoryTokenBlacklist>();
        host.Get<IChallengeStore>().Should().BeOfType<InMemoryChallengeStore>();
    }

    [Fact]
    public async Task AddInfrastructure_PerStoreOverrides_EachStoreFollowsItsOwnSetting()
    {
        await using var host = StoreHost.Create(new Dictionary<string, string?>
        {
            ["FullAuth:RedisUrl"] = "redis://127.0.0.1:6379",
            ["FullAuth:Stores:RateLimit"] = "memory",
            ["FullAuth:Stores:Lockout"] = "Memory",
        });

        host.Get<ITokenBlacklist>().Should().BeOfType<RedisTokenBlacklist>();
        host.Get<IRateLimiter>().Should().BeOfType<InMemoryRateLimiter>();
        host.Get<ILockoutStore>().Should().BeOfType<InMemoryLockoutStore>();
        host.Get<IChallengeStore>().Should().BeOfType<RedisChallengeStore>();
    }

    [Fact]
    public async Task Validate_RedisStoresWithoutRedisUrl_ErrorNamesTheStores()
    {
        await using var host = StoreHost.Create(new Dictionary<string, string?>
        {
            ["FullAuth:Stores:Blacklist"] = "redis",
            ["FullAuth:Stores:Challenges"] = "redis",
        });

        var act = () => host.Get<IOptions<FullAuthOptions>>().Value;

        var error = act.Should().Throw<OptionsValidationException>().Which.Message;
        error.Should().Contain("FullAuth:RedisUrl").And.Contain("Blacklist, Challenges").And.NotContain("RateLimit");
    }

    [Fact]
    public async Task Validate_BackendRedisWithoutRedisUrl_ErrorNamesEveryStore()
    {
        await using var host = StoreHost.Create(new Dictionary<string, string?> { ["FullAuth:Backend"] = "redis" });

        var act = () => host.Get<IOptions<FullAuthOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Blacklist, RateLimit, Lockout, Challenges");
    }

    [Fact]
    public async Task Validate_MalformedRedisUrl_ErrorNamesTheSettingWithoutItsValue()
    {
        await using var host = StoreHost.Create(new Dictionary<string, string?> { ["FullAuth:RedisUrl"] = "redis://:s3cr3t-pw@/?x" });

        var act = () => host.Get<IOptions<FullAuthOptions>>().Value;

        var message = act.Should().Throw<OptionsValidationException>().Which.Message;
        message.Should().Contain("FullAuth:RedisUrl").And.NotContain("s3cr3t-pw");
    }

    [Fact]
    public async Task Validate_RedisUrlSet_NoError()
    {
        await using var host = StoreHost.Create(new Dictionary<string, string?> { ["FullAuth:RedisUrl"] = "127.0.0.1:6379,password=x" });

        host.Get<IOptions<FullAuthOptions>>().Value.RedisUrl.Should().NotBeNull();
    }
}
