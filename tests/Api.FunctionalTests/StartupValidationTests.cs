using System.Net;
using System.Security.Cryptography;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests;

/// <summary>A bad configuration stops startup with a message naming the setting.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public async Task Start_ShortSecretInProduction_FailsNamingSecretKey()
    {
        await using var factory = FullAuthFactory.With(("FullAuth:SecretKey", "too-short-secret"));
        factory.Environment = "Production";

        var message = StartupFailure(factory);

        message.Should().Contain("FullAuth:SecretKey");
    }

    [Fact]
    public async Task Start_LongSecretInProduction_Starts()
    {
        await using var factory = new FullAuthFactory { Environment = "Production" };

        var response = await factory.CreateClient().GetAsync("/health/live");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Start_Hs512WithA32ByteSecret_FailsNamingSecretKey()
    {
        await using var factory = FullAuthFactory.With(
            ("FullAuth:Jwt:Algorithm", "HS512"),
            ("FullAuth:SecretKey", new string('s', 40)));
        factory.Environment = "Production";

        StartupFailure(factory).Should().Contain("FullAuth:SecretKey").And.Contain("64");
    }

    [Fact]
    public async Task Start_RedisBackendWithoutRedisUrl_FailsNamingRedisUrlAndTheStores()
    {
        await using var factory = FullAuthFactory.With(("FullAuth:Backend", "redis"));

        var message = StartupFailure(factory);

        message.Should().Contain("FullAuth:RedisUrl").And.Contain("Blacklist").And.Contain("RateLimit").And.Contain("Lockout");
    }

    [Fact]
    public async Task Start_OneStoreOnRedisWithoutRedisUrl_NamesOnlyThatStore()
    {
        await using var factory = FullAuthFactory.With(("FullAuth:Stores:Lockout", "redis"));

        var message = StartupFailure(factory);

        message.Should().Contain("FullAuth:RedisUrl").And.Contain("Lockout");
        message.Should().NotContain("Blacklist");
    }

    [Fact]
    public async Task Start_UnknownAlgorithm_FailsNamingAlgorithm()
    {
        await using var factory = FullAuthFactory.With(("FullAuth:Jwt:Algorithm", "XX256"));

        StartupFailure(factory).Should().Contain("FullAuth:Jwt:Algorithm");
    }

    [Fact]
    public async Task Start_Es256WithAnRsaKey_FailsNamingTheKey()
    {
        using var rsa = RSA.Create(2048);
        await using var factory = FullAuthFactory.With(
            ("FullAuth:Jwt:Algorithm", "ES256"),
            ("FullAuth:Jwt:Keys:0:PrivateKeyPem", rsa.ExportPkcs8PrivateKeyPem()));

        StartupFailure(factory).Should().Contain("FullAuth:Jwt:Keys:0");
    }

    [Fact]
    public async Task Start_Rs256WithoutKeys_FailsNamingKeys()
    {
        await using var factory = FullAuthFactory.With(("FullAuth:Jwt:Algorithm", "RS256"));

        StartupFailure(factory).Should().Contain("FullAuth:Jwt:Keys");
    }

    [Fact]
    public async Task Start_ClockSkewOverFiveMinutes_FailsNamingClockSkew()
    {
        await using var factory = FullAuthFactory.With(("FullAuth:Jwt:ClockSkew", "00:10:00"));

        StartupFailure(factory).Should().Contain("FullAuth:Jwt:ClockSkew");
    }

    [Fact]
    public async Task Start_UnknownDatabaseProvider_FailsNamingProvider()
    {
        await using var factory = FullAuthFactory.With(("FullAuth:Database:Provider", "Oracle"));

        StartupFailure(factory).Should().Contain("FullAuth:Database:Provider");
    }

    /// <summary>Starts the host, expects it to fail, returns every message in the exception chain.</summary>
    private static string StartupFailure(FullAuthFactory factory)
    {
        try
        {
            factory.CreateClient();
        }
        catch (Exception exception)
        {
            return Describe(exception);
        }

        throw new Xunit.Sdk.XunitException("The host started although the configuration is invalid.");
    }

    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        var pending = new Stack<Exception>([exception]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            messages.Add(current.Message);
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return string.Join(Environment.NewLine, messages);
    }
}
