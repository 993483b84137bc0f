using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FullAuth.Api.FunctionalTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FullAuth.Api.FunctionalTests;

public sealed class WellKnownTests
{
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "k", "oth"];

    [Fact]
    public async Task Jwks_WithHmacOnly_Returns404()
    {
        await using var factory = new FullAuthFactory();

        var response = await factory.CreateClient().GetAsync("/.well-known/jwks.json");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Jwks_WithEs256Key_PublishesOnlyThePublicKeyThatVerifiesIssuedTokens()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var factory = FullAuthFactory.With(
            ("FullAuth:Jwt:Algorithm", "ES256"),
            ("FullAuth:Jwt:Keys:0:PrivateKeyPem", ecdsa.ExportPkcs8PrivateKeyPem()));
        var client = factory.CreateClient();

        var key = await SingleKeyAsync(client);

        key["kty"]!.GetValue<string>().Should().Be("EC");
        key["use"]!.GetValue<string>().Should().Be("sig");
        key["alg"]!.GetValue<string>().Should().Be("ES256");
        key["crv"]!.GetValue<string>().Should().Be("P-256");
        key["x"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        key["y"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        key["kid"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        key.Select(p => p.Key).Should().NotIntersectWith(PrivateMembers);
        await AssertIssuedTokensVerifyWithAsync(client, key, "ES256");
    }

    [Fact]
    public async Task Jwks_WithRs256Key_PublishesOnlyThePublicKeyThatVerifiesIssuedTokens()
    {
        using var rsa = RSA.Create(2048);
        await using var factory = FullAuthFactory.With(
            ("FullAuth:Jwt:Algorithm", "RS256"),
            ("FullAuth:Jwt:Keys:0:PrivateKeyPem", rsa.ExportPkcs8PrivateKeyPem()));
        var client = factory.CreateClient();

        var key = await SingleKeyAsync(client);

        key["kty"]!.GetValue<string>().Should().Be("RSA");
        key["use"]!.GetValue<string>().Should().Be("sig");
        key["alg"]!.GetValue<string>().Should().Be("RS256");
        key["n"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        key["e"]!.GetValue<string>().Should().Be("AQAB");
        key.Select(p => p.Key).Should().NotIntersectWith(PrivateMembers);
        await AssertIssuedTokensVerifyWithAsync(client, key, "RS256");
    }

    [Fact]
    public async Task Jwks_WithConfiguredKeyIds_PublishesEveryKeyUnderItsKid()
    {
        using var first = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var second = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var factory = FullAuthFactory.With(
            ("FullAuth:Jwt:Algorithm", "ES256"),
            ("FullAuth:Jwt:Keys:0:KeyId", "current"),
            ("FullAuth:Jwt:Keys:0:PrivateKeyPem", first.ExportPkcs8PrivateKeyPem()),
            ("FullAuth:Jwt:Keys:1:KeyId", "previous"),
            ("FullAuth:Jwt:Keys:1:PrivateKeyPem", second.ExportPkcs8PrivateKeyPem()));
        var client = factory.CreateClient();

        var response = await client.GetAsync("/.well-known/jwks.json");

        var keys = (await response.JsonAsync())["keys"]!.AsArray();
        keys.Select(k => k!["kid"]!.GetValue<string>()).Should().Equal("current", "previous");
        var session = await client.NewSessionAsync();
        Jwt.Header(session.AccessToken)["kid"]!.GetValue<string>().Should().Be("current", "the first key signs");
    }

    private static async Task<JsonObject> SingleKeyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/.well-known/jwks.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.Select(p => p.Key).Should().BeEquivalentTo(["keys"]);
        var keys = body["keys"]!.AsArray();
        keys.Should().HaveCount(1);
        return keys[0]!.AsObject();
    }

    private static async Task AssertIssuedTokensVerifyWithAsync(HttpClient client, JsonObject publicJwk, string algorithm)
    {
        var session = await client.NewSessionAsync();
        var header = Jwt.Header(session.AccessToken);
        header["alg"]!.GetValue<string>().Should().Be(algorithm);
        header["kid"]!.GetValue<string>().Should().Be(publicJwk["kid"]!.GetValue<string>());
        (await client.MeAsync(session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(session.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = "fullauth",
            ValidAudience = "fullauth",
            ValidTypes = ["at+jwt"],
            IssuerSigningKey = new JsonWebKey(publicJwk.ToJsonString()),
        });
        result.IsValid.Should().BeTrue(result.Exception?.Message);
    }
}
