using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests.Passkeys;

/// <summary>Passkey settings fail startup with a message that names the setting and says the fix.</summary>
public sealed class PasskeyStartupValidationTests
{
    [Fact]
    public async Task RpIdWithoutAnyOrigin_FailsNamingOrigins()
    {
        await using var factory = FullAuthFactory.With(("FullAuth:Passkeys:RpId", "example.com"));

        StartupFailure(factory).Should().Contain("FullAuth:Passkeys:Origins").And.Contain("FullAuth:Cors:Origins");
    }

    [Fact]
    public async Task OriginsDefaultToCorsOrigins()
    {
        await using var factory = FullAuthFactory.With(("FullAuth:Passkeys:RpId", "example.com"), ("FullAuth:Cors:Origins:0", "https://app.example.com"));

        var config = await (await factory.CreateClient().GetAsync("/api/v1/config")).Content.ReadAsStringAsync();

        config.Should().Contain("\"passkeys\":true");
    }

    [Theory]
    [InlineData("https://example.com", "https://example.com", "RpId")]
    [InlineData("example.com:443", "https://example.com", "RpId")]
    [InlineData("127.0.0.1", "https://127.0.0.1", "RpId")]
    [InlineData("example.com", "https://example.com/", "Origins")]
    [InlineData("example.com", "http://example.com", "Origins")]
    [InlineData("example.com", "https://evil.test", "Origins")]
    public async Task BadRpIdOrOrigin_FailsNamingTheSetting(string rpId, string origin, string setting)
    {
        await using var factory = FullAuthFactory.With(("FullAuth:Passkeys:RpId", rpId), ("FullAuth:Passkeys:Origins:0", origin));

        StartupFailure(factory).Should().Contain("FullAuth:Passkeys:" + setting);
    }

    [Theory]
    [InlineData("FullAuth:Passkeys:UserVerification", "always")]
    [InlineData("FullAuth:Passkeys:ChallengeLifetime", "00:00:05")]
    public async Task BadValue_FailsNamingIt(string key, string value)
    {
        await using var factory = FullAuthFactory.With((key, value));

        StartupFailure(factory).Should().Contain(key);
    }

    [Fact]
    public async Task SubdomainOriginAndLocalhostHttp_Start()
    {
        await using var factory = FullAuthFactory.With(
            ("FullAuth:Passkeys:RpId", "localhost"),
            ("FullAuth:Passkeys:Origins:0", "http://localhost:5173"),
            ("FullAuth:Passkeys:Origins:1", "https://app.localhost"));

        (await factory.CreateClient().GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static string StartupFailure(FullAuthFactory factory)
    {
        var act = () => factory.CreateClient();
        return act.Should().Throw<Exception>().Which.ToString();
    }
}
