using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FullAuth.Api.FunctionalTests.Infrastructure;
using FullAuth.Infrastructure.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FullAuth.Api.FunctionalTests;

/// <summary>
/// Forged and altered access tokens at the HTTP level. The forger uses the real HKDF-derived key, so
/// the control test (a correct forgery is accepted) shows that each refusal is about the one thing
/// each test changes.
/// </summary>
public sealed class TokenValidationTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    private static readonly byte[] RealKey = KeyDerivation.Derive(FullAuthFactory.TestSecret, KeyDerivation.Jwt, 32);
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Forged_WithTheRealKeyKidAndTyp_IsAccepted()
    {
        var session = await _client.NewSessionAsync();

        var token = Forge(session);

        (await _client.MeAsync(token)).StatusCode.Should().Be(HttpStatusCode.OK, "the forger must produce valid tokens for the other tests to mean anything");
    }

    [Fact]
    public async Task Forged_WithAlgNone_Returns401()
    {
        var session = await _client.NewSessionAsync();
        var parts = session.AccessToken.Split('.');
        var header = Jwt.Header(session.AccessToken);

        foreach (var alg in new[] { "none", "None", "NONE" })
        {
            header["alg"] = alg;
            var unsigned = $"{Jwt.Encode(header)}.{parts[1]}.";
            await (await _client.MeAsync(unsigned)).ShouldBeUnauthenticatedAsync();
            await (await _client.MeAsync($"{Jwt.Encode(header)}.{parts[1]}.{parts[2]}")).ShouldBeUnauthenticatedAsync();
        }
    }

    [Fact]
    public async Task Real_WithTamperedSignature_Returns401()
    {
        var session = await _client.NewSessionAsync();
        var parts = session.AccessToken.Split('.');
        var signature = parts[2].ToCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';

        var tampered = $"{parts[0]}.{parts[1]}.{new string(signature)}";

        await (await _client.MeAsync(tampered)).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Real_WithTamperedPayload_Returns401()
    {
        var session = await _client.NewSessionAsync();
        var other = await _client.NewSessionAsync();
        var parts = session.AccessToken.Split('.');
        var payload = Jwt.Payload(session.AccessToken);
        payload["sub"] = other.UserId;

        var tampered = $"{parts[0]}.{Jwt.Encode(payload)}.{parts[2]}";

        await (await _client.MeAsync(tampered)).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Forged_WithAnotherSecret_Returns401()
    {
        var session = await _client.NewSessionAsync();
        var otherKey = KeyDerivation.Derive("another-secret-of-enough-length-0123456789abcdef", KeyDerivation.Jwt, 32);

        await (await _client.MeAsync(Forge(session, key: otherKey))).ShouldBeUnauthenticatedAsync();
        await (await _client.MeAsync(Forge(session, key: Encoding.UTF8.GetBytes(FullAuthFactory.TestSecret)))).ShouldBeUnauthenticatedAsync();
    }

    [Theory]
    [InlineData("JWT")]
    [InlineData("jwt")]
    [InlineData("at+JWT2")]
    [InlineData(null)]
    public async Task Forged_WithWrongTyp_Returns401(string? typ)
    {
        var session = await _client.NewSessionAsync();

        await (await _client.MeAsync(Forge(session, typ: typ))).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Forged_WithApplicationAtJwtTyp_IsAccepted()
    {
        var session = await _client.NewSessionAsync();

        (await _client.MeAsync(Forge(session, typ: "application/at+jwt"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Forged_WithoutKid_Returns401()
    {
        var session = await _client.NewSessionAsync();

        await (await _client.MeAsync(Forge(session, kid: string.Empty))).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Forged_WithUnknownKid_Returns401()
    {
        var session = await _client.NewSessionAsync();

        await (await _client.MeAsync(Forge(session, kid: "some-other-key"))).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Forged_Expired_Returns401()
    {
        var session = await _client.NewSessionAsync();
        var now = DateTime.UtcNow;

        var expired = Forge(session, issuedAt: now.AddMinutes(-20), expires: now.AddMinutes(-5));

        await (await _client.MeAsync(expired)).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Forged_NotYetValid_Returns401()
    {
        var session = await _client.NewSessionAsync();
        var now = DateTime.UtcNow;

        var future = Forge(session, issuedAt: now.AddMinutes(5), expires: now.AddMinutes(20));

        await (await _client.MeAsync(future)).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Forged_WithoutExp_Returns401()
    {
        var session = await _client.NewSessionAsync();

        await (await _client.MeAsync(Forge(session, omitExpiry: true))).ShouldBeUnauthenticatedAsync();
    }

    [Theory]
    [InlineData("iss")]
    [InlineData("aud")]
    public async Task Forged_WithWrongIssuerOrAudience_Returns401(string claim)
    {
        var session = await _client.NewSessionAsync();

        var token = claim == "iss" ? Forge(session, issuer: "someone-else") : Forge(session, audience: "someone-else");

        await (await _client.MeAsync(token)).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Forged_WithEmbeddedJwkHeader_IsNotTrusted()
    {
        var session = await _client.NewSessionAsync();
        var attackerKey = new byte[32];
        Random.Shared.NextBytes(attackerKey);
        var jwk = new JsonObject { ["kty"] = "oct", ["k"] = Base64UrlEncoder.Encode(attackerKey) };

        var token = Forge(session, key: attackerKey, extraHeader: new Dictionary<string, object> { ["jwk"] = jwk.ToJsonString(), ["jku"] = "https://attacker.example/jwks.json" });

        await (await _client.MeAsync(token)).ShouldBeUnauthenticatedAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9..")]
    public async Task Garbage_Returns401(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ApiClient.Base}/me");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");

        await (await _client.SendAsync(request)).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task RealToken_WithAnotherScheme_Returns401()
    {
        var session = await _client.NewSessionAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ApiClient.Base}/me");
        request.Headers.TryAddWithoutValidation("Authorization", $"Basic {session.AccessToken}");

        await (await _client.SendAsync(request)).ShouldBeUnauthenticatedAsync();
    }

    private static string Forge(
        Session session,
        byte[]? key = null,
        string? kid = null,
        string? typ = "at+jwt",
        DateTime? issuedAt = null,
        DateTime? expires = null,
        bool omitExpiry = false,
        string issuer = "fullauth",
        string audience = "fullauth",
        Dictionary<string, object>? extraHeader = null)
    {
        var real = Jwt.Payload(session.AccessToken);
        kid ??= Jwt.Header(session.AccessToken)["kid"]!.GetValue<string>();
        var securityKey = new SymmetricSecurityKey(key ?? RealKey);
        if (kid.Length > 0)
        {
            securityKey.KeyId = kid;
        }

        var iat = issuedAt ?? DateTime.UtcNow;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = real["sub"]!.GetValue<string>(),
            ["sid"] = real["sid"]!.GetValue<string>(),
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["auth_time"] = real["auth_time"]!.GetValue<long>(),
            ["amr"] = new[] { "pwd" },
            ["email"] = real["email"]!.GetValue<string>(),
            ["email_verified"] = false,
            ["roles"] = Array.Empty<string>(),
        };

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = iat,
            NotBefore = iat,
            Expires = omitExpiry ? null : expires ?? iat.AddMinutes(15),
            Claims = claims,
            SigningCredentials = new SigningCredentials(securityKey, SecurityAlgorithms.HmacSha256),
            AdditionalHeaderClaims = extraHeader,
        };
        if (typ is not null)
        {
            descriptor.TokenType = typ;
        }

        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var token = handler.CreateToken(descriptor);
        if (typ is null)
        {
            // The handler writes typ "JWT" by default; drop it to test a token without typ.
            var parts = token.Split('.');
            var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
            header.Remove("typ");
            var signingInput = $"{Jwt.Encode(header)}.{parts[1]}";
            using var hmac = new System.Security.Cryptography.HMACSHA256(key ?? RealKey);
            token = $"{signingInput}.{Base64UrlEncoder.Encode(hmac.ComputeHash(Encoding.ASCII.GetBytes(signingInput)))}";
        }

        return token;
    }
}
