using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests;

public sealed class DiscoveryAndConfigTests
{
    [Fact]
    public async Task OpenIdConfiguration_WithAbsoluteIssuer_BuildsEndpointsFromIt()
    {
        using var factory = new FullAuthFactory();
        factory.Settings["FullAuth:Jwt:Issuer"] = "https://auth.example.test";
        var client = factory.CreateClient();

        var document = await (await client.GetAsync("/.well-known/openid-configuration", (string?)null)).JsonAsync();

        document["issuer"]!.GetValue<string>().Should().Be("https://auth.example.test");
        document["jwks_uri"]!.GetValue<string>().Should().Be("https://auth.example.test/.well-known/jwks.json");
        document["introspection_endpoint"]!.GetValue<string>().Should().Be("https://auth.example.test/api/v1/auth/token/introspect");
        document["revocation_endpoint"]!.GetValue<string>().Should().Be("https://auth.example.test/api/v1/auth/token/revoke");
    }

    [Fact]
    public async Task OpenIdConfiguration_WithPlainIssuer_UsesTheRequestBase()
    {
        using var factory = new FullAuthFactory();
        var client = factory.CreateClient();

        var response = await client.GetAsync("/.well-known/openid-configuration", (string?)null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = await response.JsonAsync();
        document["issuer"]!.GetValue<string>().Should().Be("fullauth");
        document["jwks_uri"]!.GetValue<string>().Should().Be("http://localhost/.well-known/jwks.json");
    }

    [Fact]
    public async Task Config_ReportsWhatThisDeploymentOffers()
    {
        using var factory = new FullAuthFactory();
        factory.Settings["FullAuth:Registration:Enabled"] = "false";
        factory.Settings["FullAuth:Password:MinLength"] = "12";
        var client = factory.CreateClient();

        var config = await (await client.GetAsync("/api/v1/config", (string?)null)).JsonAsync();

        config["registration_enabled"]!.GetValue<bool>().Should().BeFalse();
        config["password"]!["min_length"]!.GetValue<int>().Should().Be(12);
        config["password"]!["max_length"]!.GetValue<int>().Should().Be(128);
        config["token_delivery"]!.GetValue<string>().Should().Be("json");
        config["providers"]!.AsArray().Should().BeEmpty();
        config.Should().ContainKeys("magic_links", "passkeys", "mfa");
    }
}
