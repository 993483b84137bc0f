using System.Net;
using FullAuth.Infrastructure.Stores.Redis;
using StackExchange.Redis;

namespace FullAuth.Infrastructure.IntegrationTests.Options;

public sealed class RedisConfigurationTests
{
    [Fact]
    public void Parse_ConfigurationString_KeepsItsOptions()
    {
        var options = RedisConfiguration.Parse("cache.internal:6380,password=pw,ssl=true,defaultDatabase=3");

        options.EndPoints.Should().ContainSingle().Which.Should().Be(new DnsEndPoint("cache.internal", 6380));
        options.Password.Should().Be("pw");
        options.Ssl.Should().BeTrue();
        options.DefaultDatabase.Should().Be(3);
    }

    [Fact]
    public void Parse_RedisUrl_ReadsUserPasswordHostPortAndDatabase()
    {
        var options = RedisConfiguration.Parse("redis://app:p%40ss@cache.internal:6390/2");

        options.EndPoints.Should().ContainSingle().Which.Should().Be(new DnsEndPoint("cache.internal", 6390));
        options.User.Should().Be("app");
        options.Password.Should().Be("p@ss");
        options.DefaultDatabase.Should().Be(2);
        options.Ssl.Should().BeFalse();
    }

    [Fact]
    public void Parse_RedissUrlWithoutPortOrUser_TlsOnDefaultPort()
    {
        var options = RedisConfiguration.Parse("rediss://:only-password@cache.internal");

        options.EndPoints.Should().ContainSingle().Which.Should().Be(new DnsEndPoint("cache.internal", 6379));
        options.Ssl.Should().BeTrue();
        options.User.Should().BeNull();
        options.Password.Should().Be("only-password");
    }

    [Fact]
    public void Parse_AnyForm_NeverAbortsAndFailsFastWhileDisconnected()
    {
        var options = RedisConfiguration.Parse("127.0.0.1:6379,abortConnect=true");

        options.AbortOnConnectFail.Should().BeFalse();
        options.BacklogPolicy.Should().Be(BacklogPolicy.FailFast);
    }

    [Theory]
    [InlineData("redis://host:6379/not-a-number")]
    [InlineData("redis://host:6379?timeout=1")]
    [InlineData("host:6379,unknownOption=1")]
    public void Parse_Malformed_ThrowsFormatExceptionNamingTheSetting(string value)
    {
        var act = () => RedisConfiguration.Parse(value);

        act.Should().Throw<FormatException>().Which.Message.Should().StartWith("FullAuth:RedisUrl");
    }
}
