using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FullAuth.Api.FunctionalTests.Infrastructure;
using FullAuth.Application.Common.Tokens;
using FullAuth.Domain.Tokens;
using FullAuth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace FullAuth.Api.FunctionalTests.Hardening;

/// <summary>
/// Token attacks the basic <see cref="TokenValidationTests"/> leave out: algorithm confusion against an
/// RS256 deployment, injected <c>kid</c> values, key-carrying headers that must never cause an
/// outbound request, and other kinds of token (refresh, one-time) presented as access tokens. Every
/// forgery is signed by hand so a control test can show the forger itself is sound.
/// </summary>
public sealed class TokenAttackTests : IClassFixture<TokenAttackTests.Rs256Factory>, IClassFixture<FullAuthFactory>
{
    private static readonly byte[] HmacKey = FullAuth.Infrastructure.Security.KeyDerivation.Derive(FullAuthFactory.TestSecret, FullAuth.Infrastructure.Security.KeyDerivation.Jwt, 32);
    private readonly Rs256Factory _rsFactory;
    private readonly FullAuthFactory _hsFactory;
    private readonly HttpClient _rs;
    private readonly HttpClient _hs;

    public TokenAttackTests(Rs256Factory rsFactory, FullAuthFactory hsFactory)
    {
        _rsFactory = rsFactory;
        _hsFactory = hsFactory;
        _rs = rsFactory.CreateClient();
        _hs = hsFactory.CreateClient();
    }

    [Fact]
    public async Task Rs256_ResignedWithTheRealPrivateKey_IsAccepted()
    {
        var session = await _rs.NewSessionAsync();
        var header = Jwt.Header(session.AccessToken);
        header["alg"]!.GetValue<string>().Should().Be("RS256");

        var token = SignRsa(header, FreshPayload(session), _rsFactory.Key);

        (await _rs.MeAsync(token)).StatusCode.Should().Be(HttpStatusCode.OK, "the forger must be able to produce a valid RS256 token for the refusals to mean anything");
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("HS384")]
    [InlineData("HS512")]
    public async Task Rs256_HmacSignedWithThePublicKey_Returns401(string alg)
    {
        var session = await _rs.NewSessionAsync();
        var publicPem = _rsFactory.Key.ExportSubjectPublicKeyInfoPem();
        var jwks = await (await _rs.GetAsync("/.well-known/jwks.json", null)).JsonAsync();
        var jwk = jwks["keys"]![0]!.AsObject();
        var header = Jwt.Header(session.AccessToken);
        header["alg"] = alg;
        var payload = FreshPayload(session);

        // Every form a confused verifier might use as the "HMAC secret": PEM text (with and without the
        // trailing newline), DER bytes, the JWK's JSON, and the modulus.
        var candidates = new[]
        {
            Encoding.UTF8.GetBytes(publicPem),
            Encoding.UTF8.GetBytes(publicPem + "\n"),
            _rsFactory.Key.ExportSubjectPublicKeyInfo(),
            _rsFactory.Key.ExportRSAPublicKey(),
            Encoding.UTF8.GetBytes(jwk.ToJsonString()),
            Base64UrlEncoder.DecodeBytes(jwk["n"]!.GetValue<string>()),
        };

        foreach (var secret in candidates)
        {
            await (await _rs.MeAsync(SignHmac(header, payload, secret, alg))).ShouldBeUnauthenticatedAsync();
        }
    }

    [Theory]
    [InlineData("none")]
    [InlineData("nOnE")]
    [InlineData("NoNe")]
    [InlineData("none ")]
    [InlineData("")]
    public async Task AlgNone_InAnyCasingAndShape_Returns401(string alg)
    {
        foreach (var (client, session) in new[] { (_hs, await _hs.NewSessionAsync()), (_rs, await _rs.NewSessionAsync()) })
        {
            var header = Jwt.Header(session.AccessToken);
            header["alg"] = alg;
            var unsigned = $"{Jwt.Encode(header)}.{Jwt.Encode(FreshPayload(session))}";

            await (await client.MeAsync(unsigned + ".")).ShouldBeUnauthenticatedAsync();
            await (await client.MeAsync(unsigned)).ShouldBeUnauthenticatedAsync();
            await (await client.MeAsync(unsigned + "." + session.AccessToken.Split('.')[2])).ShouldBeUnauthenticatedAsync();
        }
    }

    [Theory]
    [InlineData("../../../../../../dev/null")]
    [InlineData("/dev/null")]
    [InlineData("' OR '1'='1")]
    [InlineData("kid\u0000")]
    [InlineData("*")]
    [InlineData("https://attacker.example/key")]
    public async Task InjectedKid_SignedWithTheRealKey_Returns401(string kid)
    {
        var session = await _hs.NewSessionAsync();
        var header = Jwt.Header(session.AccessToken);
        header["kid"] = kid;

        await (await _hs.MeAsync(SignHmac(header, FreshPayload(session), HmacKey, "HS256"))).ShouldBeUnauthenticatedAsync();
        // An empty HMAC key is what a verifier reading /dev/null would use.
        await (await _hs.MeAsync(SignHmac(header, FreshPayload(session), [], "HS256"))).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task KidOfAnotherType_Returns401()
    {
        var session = await _hs.NewSessionAsync();
        foreach (var kid in new JsonNode?[] { JsonValue.Create(1), new JsonArray(Jwt.Header(session.AccessToken)["kid"]!.GetValue<string>()), null, new JsonObject() })
        {
            var header = Jwt.Header(session.AccessToken);
            header["kid"] = kid;

            await (await _hs.MeAsync(SignHmac(header, FreshPayload(session), HmacKey, "HS256"))).ShouldBeUnauthenticatedAsync();
        }
    }

    [Theory]
    [InlineData("jku")]
    [InlineData("x5u")]
    [InlineData("jwk")]
    [InlineData("x5c")]
    public async Task KeyCarryingHeader_AttackerSigned_Returns401AndNothingIsFetched(string member)
    {
        using var trap = ConnectionTrap.Start();
        foreach (var (client, session) in new[] { (_hs, await _hs.NewSessionAsync()), (_rs, await _rs.NewSessionAsync()) })
        {
            using var attacker = RSA.Create(2048);
            var attackerJwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["n"] = Base64UrlEncoder.Encode(attacker.ExportParameters(false).Modulus),
                ["e"] = Base64UrlEncoder.Encode(attacker.ExportParameters(false).Exponent),
                ["kid"] = Jwt.Header(session.AccessToken)["kid"]!.GetValue<string>(),
            };
            var header = Jwt.Header(session.AccessToken);
            header["alg"] = "RS256";
            header[member] = member switch
            {
                "jwk" => attackerJwk,
                "x5c" => new JsonArray(Convert.ToBase64String(SelfSigned(attacker))),
                _ => trap.Url,
            };

            await (await client.MeAsync(SignRsa(header, FreshPayload(session), attacker))).ShouldBeUnauthenticatedAsync();
        }

        await Task.Delay(300);
        trap.Connections.Should().Be(0, "the validator must never fetch a key named in a token header");
    }

    [Theory]
    [InlineData("jku")]
    [InlineData("x5u")]
    public async Task KeyUrlHeader_OnARealToken_IsIgnoredAndNeverFetched(string member)
    {
        using var trap = ConnectionTrap.Start();
        var session = await _hs.NewSessionAsync();
        var header = Jwt.Header(session.AccessToken);
        header[member] = trap.Url;

        var response = await _hs.MeAsync(SignHmac(header, FreshPayload(session), HmacKey, "HS256"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "API.md: the header is ignored, the configured key decides");
        await Task.Delay(300);
        trap.Connections.Should().Be(0);
    }

    [Fact]
    public async Task RefreshToken_AsBearer_Returns401()
    {
        var session = await _hs.NewSessionAsync();

        await (await _hs.MeAsync(session.RefreshToken)).ShouldBeUnauthenticatedAsync();
        (await _hs.RefreshAsync(session.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.OK, "the refresh token itself was valid");
    }

    [Theory]
    [InlineData(TokenPurposes.PasswordReset)]
    [InlineData(TokenPurposes.VerifyEmail)]
    [InlineData(TokenPurposes.EmailChange)]
    public async Task OneTimeToken_AsBearer_Returns401AndStaysUnused(string purpose)
    {
        var session = await _hs.NewSessionAsync();
        string raw;
        await using (var scope = _hsFactory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == session.UserId);
            raw = await scope.ServiceProvider.GetRequiredService<IOneTimeTokens>().IssueAsync(user, purpose, user.Email, session.SessionId, CancellationToken.None);
        }

        await (await _hs.MeAsync(raw)).ShouldBeUnauthenticatedAsync();
        await (await _hs.GetAsync($"{ApiClient.Base}/sessions", raw)).ShouldBeUnauthenticatedAsync();
        await (await _hs.PostJsonAsync($"{ApiClient.Base}/logout", new { }, raw)).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task AccessTokenOfRevokedSession_ResignedFresh_Returns401()
    {
        // A forger holding the key cannot revive a revoked session either: the blacklist is by sid.
        var session = await _hs.NewSessionAsync();
        (await _hs.PostJsonAsync($"{ApiClient.Base}/logout", new { }, session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await _hs.MeAsync(session.AccessToken)).ShouldBeUnauthenticatedAsync();
        await (await _hs.MeAsync(SignHmac(Jwt.Header(session.AccessToken), FreshPayload(session), HmacKey, "HS256"))).ShouldBeUnauthenticatedAsync();
    }

    private static JsonObject FreshPayload(Session session)
    {
        var payload = Jwt.Payload(session.AccessToken);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        payload["jti"] = Guid.NewGuid().ToString("N");
        payload["iat"] = now;
        payload["nbf"] = now;
        payload["exp"] = now + 600;
        return payload;
    }

    private static string SignHmac(JsonObject header, JsonObject payload, byte[] key, string alg)
    {
        var input = $"{Jwt.Encode(header)}.{Jwt.Encode(payload)}";
        var data = Encoding.ASCII.GetBytes(input);
        var signature = alg switch
        {
            "HS384" => HMACSHA384.HashData(key, data),
            "HS512" => HMACSHA512.HashData(key, data),
            _ => HMACSHA256.HashData(key, data),
        };
        return $"{input}.{Base64UrlEncoder.Encode(signature)}";
    }

    private static string SignRsa(JsonObject header, JsonObject payload, RSA key)
    {
        var input = $"{Jwt.Encode(header)}.{Jwt.Encode(payload)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{input}.{Base64UrlEncoder.Encode(signature)}";
    }

    private static byte[] SelfSigned(RSA key)
    {
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=attacker", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.RawData;
    }

    /// <summary>The API configured for RS256 with a key generated for this run.</summary>
    public sealed class Rs256Factory : FullAuthFactory
    {
        public Rs256Factory()
        {
            Settings["FullAuth:Jwt:Algorithm"] = "RS256";
            Settings["FullAuth:Jwt:Keys:0:PrivateKeyPem"] = Key.ExportPkcs8PrivateKeyPem();
        }

        public RSA Key { get; } = RSA.Create(2048);

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                Key.Dispose();
            }
        }
    }

    /// <summary>A loopback listener that counts every connection: an outbound fetch of a header URL would land here.</summary>
    private sealed class ConnectionTrap : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private int _connections;

        private ConnectionTrap(TcpListener listener)
        {
            _listener = listener;
            Url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/jwks.json";
            _ = AcceptAsync();
        }

        public string Url { get; }

        public int Connections => Volatile.Read(ref _connections);

        public static ConnectionTrap Start()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return new ConnectionTrap(listener);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _listener.Dispose();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var socket = await _listener.AcceptSocketAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
