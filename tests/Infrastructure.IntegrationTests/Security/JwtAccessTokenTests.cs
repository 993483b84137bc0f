using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Domain.Users;
using FullAuth.Infrastructure.IntegrationTests.Support;
using FullAuth.Infrastructure.Security;
using FullAuth.Infrastructure.Stores;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace FullAuth.Infrastructure.IntegrationTests.Security;

/// <summary><see cref="JwtAccessTokenIssuer"/> and <see cref="JwtAccessTokenValidator"/> together, with real keys and the real blacklist.</summary>
public sealed class JwtAccessTokenTests
{
    private static readonly DateTimeOffset AuthTime = new(2026, 3, 1, 11, 58, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly JwtOptions _options = new();
    private readonly InMemoryTokenBlacklist _blacklist;
    private readonly User _user;

    public JwtAccessTokenTests()
    {
        _blacklist = new InMemoryTokenBlacklist(_time);
        _user = new User("user-42", "carol@example.com", "Carol", _time.GetUtcNow());
        _user.MarkEmailVerified(_time.GetUtcNow());
        _user.AddRole("admin", _time.GetUtcNow());
        _user.AddRole("editor", _time.GetUtcNow());
    }

    public static TheoryData<string> Algorithms => ["HS256", "RS256", "PS256", "ES256", "ES384"];

    private static SigningKeyRing Ring(string algorithm, string secret = TestKeys.Secret) =>
        SigningKeyRing.IsHmac(algorithm)
            ? SigningKeyRing.Create(secret, new JwtOptions { Algorithm = algorithm })
            : SigningKeyRing.Create(null, TestKeys.Options(algorithm, TestKeys.PemFor(algorithm)));

    private JwtAccessTokenIssuer Issuer(SigningKeyRing ring, JwtOptions? options = null, TimeProvider? time = null) =>
        new(ring, Microsoft.Extensions.Options.Options.Create(options ?? _options), time ?? _time);

    private JwtAccessTokenValidator Validator(SigningKeyRing ring) =>
        new(ring, _blacklist, Microsoft.Extensions.Options.Options.Create(_options), _time, NullLoggerFactory.Instance);

    private AccessTokenRequest Request(IReadOnlyDictionary<string, object>? custom = null) =>
        new(_user, "sid-7", AuthTime, ["pwd", "otp"], custom ?? new Dictionary<string, object>());

    private static string B64Url(byte[] bytes) => Base64UrlEncoder.Encode(bytes);

    private static JsonObject Part(string token, int index) => JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[index]))!.AsObject();

    /// <summary>Signs arbitrary header and payload with HMAC-SHA256 under <paramref name="key"/>.</summary>
    private static string SignHs256(JsonObject header, JsonObject payload, byte[] key)
    {
        var input = B64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + B64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return input + "." + B64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(input)));
    }

    private (SigningKeyRing Ring, JsonObject Header, JsonObject Payload, byte[] Key) Hs256Parts()
    {
        var ring = Ring("HS256");
        var token = Issuer(ring).Issue(Request()).Token;
        return (ring, Part(token, 0), Part(token, 1), ((SymmetricSecurityKey)ring.Keys[0]).Key);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task IssueThenValidate_EachAlgorithm_RoundTripsWithTheContractsHeaderAndClaims(string algorithm)
    {
        var ring = Ring(algorithm);
        var issued = Issuer(ring).Issue(Request(new Dictionary<string, object> { ["tenant"] = "acme" }));

        var header = Part(issued.Token, 0);
        header["alg"]!.GetValue<string>().Should().Be(algorithm);
        header["typ"]!.GetValue<string>().Should().Be("at+jwt");
        header["kid"]!.GetValue<string>().Should().Be(ring.Keys[0].KeyId);

        var payload = Part(issued.Token, 1);
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        payload["sub"]!.GetValue<string>().Should().Be("user-42");
        payload["jti"]!.GetValue<string>().Should().Be(issued.Jti);
        payload["sid"]!.GetValue<string>().Should().Be("sid-7");
        payload["auth_time"]!.GetValue<long>().Should().Be(AuthTime.ToUnixTimeSeconds());
        payload["amr"]!.GetValueKind().Should().Be(JsonValueKind.Array);
        payload["amr"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("pwd", "otp");
        payload["email"]!.GetValue<string>().Should().Be("carol@example.com");
        payload["email_verified"]!.GetValue<bool>().Should().BeTrue();
        payload["roles"]!.GetValueKind().Should().Be(JsonValueKind.Array);
        payload["roles"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("admin", "editor");
        payload["iss"]!.GetValue<string>().Should().Be("fullauth");
        payload["aud"]!.GetValue<string>().Should().Be("fullauth");
        payload["iat"]!.GetValue<long>().Should().Be(now);
        payload["nbf"]!.GetValue<long>().Should().Be(now);
        payload["exp"]!.GetValue<long>().Should().Be(now + 900);
        payload["tenant"]!.GetValue<string>().Should().Be("acme");
        issued.ExpiresAt.Should().Be(_time.GetUtcNow().AddMinutes(15));

        var validated = await Validator(ring).ValidateAsync(issued.Token, CancellationToken.None);

        validated.Should().NotBeNull();
        validated!.Caller.UserId.Should().Be("user-42");
        validated.Caller.SessionId.Should().Be("sid-7");
        validated.Caller.Jti.Should().Be(issued.Jti);
        validated.Caller.AuthTime.Should().Be(AuthTime);
        validated.Caller.TokenExpiresAt.Should().Be(issued.ExpiresAt);
        validated.Identity.FindAll("roles").Select(c => c.Value).Should().BeEquivalentTo(["admin", "editor"]);
    }

    [Fact]
    public async Task Validate_SingleRoleAndSingleAmr_StayArrays()
    {
        var user = new User("u1", "d@example.com", null, _time.GetUtcNow());
        user.AddRole("admin", _time.GetUtcNow());
        var ring = Ring("HS256");
        var token = Issuer(ring).Issue(new AccessTokenRequest(user, "s", AuthTime, ["pwd"], new Dictionary<string, object>())).Token;

        Part(token, 1)["amr"]!.GetValueKind().Should().Be(JsonValueKind.Array);
        Part(token, 1)["roles"]!.GetValueKind().Should().Be(JsonValueKind.Array);
        Part(token, 1)["email_verified"]!.GetValue<bool>().Should().BeFalse();
        (await Validator(ring).ValidateAsync(token, CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Validate_HandCraftedTokenWithTheRealKey_IsAccepted()
    {
        // Control for the hand-crafted refusals below: the crafting itself produces valid tokens.
        var (ring, header, payload, key) = Hs256Parts();

        (await Validator(ring).ValidateAsync(SignHs256(header, payload, key), CancellationToken.None)).Should().NotBeNull();
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    [InlineData("nOnE")]
    public async Task Validate_AlgNone_IsRefused(string none)
    {
        var (ring, header, payload, _) = Hs256Parts();
        header["alg"] = none;
        var token = B64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + B64Url(Encoding.UTF8.GetBytes(payload.ToJsonString())) + ".";

        (await Validator(ring).ValidateAsync(token, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Validate_HS256SignedWithRsaPublicKeyWhenRingIsRS256_IsRefused()
    {
        var ring = Ring("RS256");
        var issued = Issuer(ring).Issue(Request());
        var header = Part(issued.Token, 0);
        var payload = Part(issued.Token, 1);
        header["alg"] = "HS256";
        using var rsa = RSA.Create();
        rsa.ImportFromPem(TestKeys.RsaPem);
        var validator = Validator(ring);

        foreach (var publicKeyBytes in new[]
        {
            rsa.ExportSubjectPublicKeyInfo(),
            Encoding.UTF8.GetBytes(rsa.ExportSubjectPublicKeyInfoPem()),
            rsa.ExportRSAPublicKey(),
            Encoding.UTF8.GetBytes(rsa.ExportRSAPublicKeyPem()),
        })
        {
            (await validator.ValidateAsync(SignHs256(header, payload, publicKeyBytes), CancellationToken.None)).Should().BeNull();
        }
    }

    [Fact]
    public async Task Validate_TokenFromAnotherKeyOfTheSameAlgorithm_IsRefused()
    {
        var token = Issuer(Ring("HS256", TestKeys.Secret + "-other")).Issue(Request()).Token;

        (await Validator(Ring("HS256")).ValidateAsync(token, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Validate_TokenFromAnotherRsaKey_IsRefused()
    {
        var other = SigningKeyRing.Create(null, TestKeys.Options("RS256", TestKeys.OtherRsaPem));
        var token = Issuer(other).Issue(Request()).Token;

        (await Validator(Ring("RS256")).ValidateAsync(token, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Validate_UnknownKid_IsRefusedEvenWhenSignedWithTheRealKey()
    {
        var (ring, header, payload, key) = Hs256Parts();
        header["kid"] = "not-a-configured-kid";

        (await Validator(ring).ValidateAsync(SignHs256(header, payload, key), CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Validate_MissingKid_IsRefusedEvenWhenSignedWithTheRealKey()
    {
        var (ring, header, payload, key) = Hs256Parts();
        header.Remove("kid");

        (await Validator(ring).ValidateAsync(SignHs256(header, payload, key), CancellationToken.None)).Should().BeNull();
    }

    [Theory]
    [InlineData("JWT")]
    [InlineData("id_token")]
    [InlineData(null)]
    public async Task Validate_WrongOrMissingTyp_IsRefused(string? typ)
    {
        var (ring, header, payload, key) = Hs256Parts();
        if (typ is null)
        {
            header.Remove("typ");
        }
        else
        {
            header["typ"] = typ;
        }

        (await Validator(ring).ValidateAsync(SignHs256(header, payload, key), CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Validate_WrongIssuer_IsRefused()
    {
        var ring = Ring("ES256");
        var token = Issuer(ring, new JwtOptions { Issuer = "someone-else" }).Issue(Request()).Token;

        (await Validator(ring).ValidateAsync(token, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Validate_WrongAudience_IsRefused()
    {
        var ring = Ring("ES256");
        var token = Issuer(ring, new JwtOptions { Audience = "another-api" }).Issue(Request()).Token;

        (await Validator(ring).ValidateAsync(token, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Validate_ExpiredWithinSkew_IsAccepted()
    {
        var ring = Ring("HS256");
        var token = Issuer(ring).Issue(Request()).Token;
        _time.Advance(_options.AccessTokenLifetime + _options.ClockSkew - TimeSpan.FromSeconds(1));

        (await Validator(ring).ValidateAsync(token, CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Validate_ExpiredBeyondSkew_IsRefused()
    {
        var ring = Ring("HS256");
        var token = Issuer(ring).Issue(Request()).Token;
        _time.Advance(_options.AccessTokenLifetime + _options.ClockSkew + TimeSpan.FromSeconds(1));

        (await Validator(ring).ValidateAsync(token, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Validate_NotBeforeWithinSkew_IsAccepted()
    {
        var ring = Ring("RS256");
        var ahead = new FakeTimeProvider(_time.GetUtcNow() + _options.ClockSkew - TimeSpan.FromSeconds(1));
        var token = Issuer(ring, time: ahead).Issue(Request()).Token;

        (await Validator(ring).ValidateAsync(token, CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Validate_NotBeforeInTheFutureBeyondSkew_IsRefused()
    {
        var ring = Ring("RS256");
        var ahead = new FakeTimeProvider(_time.GetUtcNow() + _options.ClockSkew + TimeSpan.FromSeconds(5));
        var token = Issuer(ring, time: ahead).Issue(Request()).Token;

        (await Validator(ring).ValidateAsync(token, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Validate_MissingExp_IsRefused()
    {
        var (ring, header, payload, key) = Hs256Parts();
        payload.Remove("exp");

        (await Validator(ring).ValidateAsync(SignHs256(header, payload, key), CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Validate_BlacklistedJti_IsRefused()
    {
        var ring = Ring("HS256");
        var issued = Issuer(ring).Issue(Request());
        var other = Issuer(ring).Issue(Request());
        await _blacklist.RevokeTokenAsync(issued.Jti, TimeSpan.FromMinutes(16), CancellationToken.None);

        (await Validator(ring).ValidateAsync(issued.Token, CancellationToken.None)).Should().BeNull();
        (await Validator(ring).ValidateAsync(other.Token, CancellationToken.None)).Should().NotBeNull("only that jti is revoked");
    }

    [Fact]
    public async Task Validate_BlacklistedSid_RefusesEveryTokenOfTheSession()
    {
        var ring = Ring("ES384");
        var first = Issuer(ring).Issue(Request());
        var second = Issuer(ring).Issue(Request());
        var otherSession = Issuer(ring).Issue(new AccessTokenRequest(_user, "sid-8", AuthTime, ["pwd"], new Dictionary<string, object>()));
        await _blacklist.RevokeSessionAsync("sid-7", TimeSpan.FromMinutes(16), CancellationToken.None);

        (await Validator(ring).ValidateAsync(first.Token, CancellationToken.None)).Should().BeNull();
        (await Validator(ring).ValidateAsync(second.Token, CancellationToken.None)).Should().BeNull();
        (await Validator(ring).ValidateAsync(otherSession.Token, CancellationToken.None)).Should().NotBeNull();
    }

    [Theory]
    [InlineData("jku")]
    [InlineData("x5u")]
    public async Task Validate_HeaderKeyUrl_IsNeverFetched(string member)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/keys";
        var (ring, header, payload, key) = Hs256Parts();
        header[member] = url;
        var attackerKey = RandomNumberGenerator.GetBytes(32);
        var validator = Validator(ring);

        var withRealKey = await validator.ValidateAsync(SignHs256(header, payload, key), CancellationToken.None);
        var withAttackerKey = await validator.ValidateAsync(SignHs256(header, payload, attackerKey), CancellationToken.None);

        withAttackerKey.Should().BeNull();
        withRealKey.Should().NotBeNull("the header URL is ignored; the configured key decides");
        await Task.Delay(200);
        listener.Pending().Should().BeFalse("the validator must never fetch keys named by the token");
    }

    [Fact]
    public async Task Validate_EmbeddedJwkOfAttacker_IsRefused()
    {
        var (ring, header, payload, _) = Hs256Parts();
        var attackerKey = RandomNumberGenerator.GetBytes(32);
        header["jwk"] = new JsonObject { ["kty"] = "oct", ["k"] = B64Url(attackerKey) };

        (await Validator(ring).ValidateAsync(SignHs256(header, payload, attackerKey), CancellationToken.None)).Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9")]
    public async Task Validate_Garbage_IsRefused(string token) =>
        (await Validator(Ring("HS256")).ValidateAsync(token, CancellationToken.None)).Should().BeNull();

    [Fact]
    public async Task Validate_OversizedToken_IsRefused()
    {
        var ring = Ring("HS256");
        var token = Issuer(ring).Issue(Request(new Dictionary<string, object> { ["pad"] = new string('x', 9000) })).Token;

        (await Validator(ring).ValidateAsync(token, CancellationToken.None)).Should().BeNull();
    }
}
