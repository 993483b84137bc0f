using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FullAuth.Application.Common.Options;
using FullAuth.Infrastructure.IntegrationTests.Support;
using FullAuth.Infrastructure.Security;
using Microsoft.IdentityModel.Tokens;

namespace FullAuth.Infrastructure.IntegrationTests.Security;

public sealed class SigningKeyRingTests
{
    private static string B64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Theory]
    [InlineData("HS256", 32)]
    [InlineData("HS384", 48)]
    [InlineData("HS512", 64)]
    public void Create_Hmac_DerivesKeyOfAlgorithmSizeWithHkdf(string algorithm, int bytes)
    {
        var ring = SigningKeyRing.Create(TestKeys.Secret, new JwtOptions { Algorithm = algorithm });

        var key = ring.Keys.Should().ContainSingle().Which.Should().BeOfType<SymmetricSecurityKey>().Subject.Key;
        key.Should().HaveCount(bytes);
        var expected = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(TestKeys.Secret), bytes, salt: null, info: Encoding.UTF8.GetBytes("fullauth:jwt"));
        key.Should().Equal(expected);
        key.Should().NotEqual(Encoding.UTF8.GetBytes(TestKeys.Secret).Take(bytes), "the secret itself must never be the signing key");
        ring.Algorithm.Should().Be(algorithm);
        ring.PublicKeys.Should().BeEmpty();
    }

    [Fact]
    public void Create_HS256_MatchesHandWrittenRfc5869()
    {
        // Extract with a zero salt of hash length, then one expand block: T(1) = HMAC(PRK, info || 0x01).
        var prk = HMACSHA256.HashData(new byte[32], Encoding.UTF8.GetBytes(TestKeys.Secret));
        byte[] expandInput = [.. Encoding.UTF8.GetBytes("fullauth:jwt"), 0x01];
        var t1 = HMACSHA256.HashData(prk, expandInput);

        var ring = SigningKeyRing.Create(TestKeys.Secret, new JwtOptions { Algorithm = "HS256" });

        ((SymmetricSecurityKey)ring.Keys[0]).Key.Should().Equal(t1);
    }

    [Fact]
    public void Create_HmacTwice_KidIsStableAndDependsOnTheSecret()
    {
        var a = SigningKeyRing.Create(TestKeys.Secret, new JwtOptions { Algorithm = "HS256" });
        var b = SigningKeyRing.Create(TestKeys.Secret, new JwtOptions { Algorithm = "HS256" });
        var other = SigningKeyRing.Create(TestKeys.Secret + "x", new JwtOptions { Algorithm = "HS256" });

        a.Keys[0].KeyId.Should().NotBeNullOrEmpty().And.Be(b.Keys[0].KeyId);
        other.Keys[0].KeyId.Should().NotBe(a.Keys[0].KeyId);
    }

    [Fact]
    public void Create_EcKey_KidIsTheRfc7638ThumbprintAndStable()
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(TestKeys.P256Pem);
        var p = ecdsa.ExportParameters(false);
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{B64Url(p.Q.X!)}\",\"y\":\"{B64Url(p.Q.Y!)}\"}}";
        var expected = B64Url(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

        var first = SigningKeyRing.Create(null, TestKeys.Options("ES256", TestKeys.P256Pem));
        var second = SigningKeyRing.Create(null, TestKeys.Options("ES256", TestKeys.P256Pem));

        first.Keys[0].KeyId.Should().Be(expected);
        second.Keys[0].KeyId.Should().Be(expected);
        var jwk = first.PublicKeys.Should().ContainSingle().Subject;
        jwk.Kid.Should().Be(expected);
        jwk.Kty.Should().Be("EC");
        jwk.Crv.Should().Be("P-256");
        jwk.X.Should().Be(B64Url(p.Q.X!));
        jwk.Y.Should().Be(B64Url(p.Q.Y!));
        jwk.Alg.Should().Be("ES256");
        jwk.Use.Should().Be("sig");
    }

    [Fact]
    public void Create_RsaKey_KidIsTheRfc7638ThumbprintAndStable()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(TestKeys.RsaPem);
        var p = rsa.ExportParameters(false);
        var canonical = $"{{\"e\":\"{B64Url(p.Exponent!)}\",\"kty\":\"RSA\",\"n\":\"{B64Url(p.Modulus!)}\"}}";
        var expected = B64Url(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

        var first = SigningKeyRing.Create(null, TestKeys.Options("RS256", TestKeys.RsaPem));
        var second = SigningKeyRing.Create(null, TestKeys.Options("RS256", TestKeys.RsaPem));

        first.Keys[0].KeyId.Should().Be(expected).And.Be(second.Keys[0].KeyId);
    }

    [Fact]
    public void Create_ConfiguredKeyId_WinsOverTheThumbprint()
    {
        var options = TestKeys.Options("ES256", TestKeys.P256Pem);
        options.Keys[0].KeyId = "2026-03";

        SigningKeyRing.Create(null, options).PublicKeys[0].Kid.Should().Be("2026-03");
    }

    [Fact]
    public void Create_TwoKeys_FirstSignsBothVerify()
    {
        var ring = SigningKeyRing.Create(null, TestKeys.Options("RS256", TestKeys.RsaPem, TestKeys.OtherRsaPem));

        ring.KeysById.Should().HaveCount(2);
        ring.SigningCredentials.Key.KeyId.Should().Be(ring.Keys[0].KeyId);
        ring.PublicKeys.Select(k => k.Kid).Should().Equal(ring.Keys.Select(k => k.KeyId));
    }

    [Fact]
    public void PublicKeys_Jwks_HaveNoPrivateMembers()
    {
        var rsa = SigningKeyRing.Create(null, TestKeys.Options("PS256", TestKeys.RsaPem));
        var ec = SigningKeyRing.Create(null, TestKeys.Options("ES384", TestKeys.P384Pem));
        var json = JsonSerializer.Serialize(rsa.PublicKeys.Concat(ec.PublicKeys), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });

        using var doc = JsonDocument.Parse(json);
        foreach (var key in doc.RootElement.EnumerateArray())
        {
            key.EnumerateObject().Select(p => p.Name).Should().BeSubsetOf(["kty", "kid", "use", "alg", "n", "e", "crv", "x", "y"]);
            key.TryGetProperty("d", out _).Should().BeFalse();
        }

        using var reference = RSA.Create();
        reference.ImportFromPem(TestKeys.RsaPem);
        rsa.PublicKeys[0].N.Should().Be(B64Url(reference.ExportParameters(false).Modulus!));
        ec.PublicKeys[0].Crv.Should().Be("P-384");
    }

    [Theory]
    [InlineData("HS999")]
    [InlineData("none")]
    [InlineData("hs256")]
    [InlineData("EdDSA")]
    public void Create_UnknownAlgorithm_NamesTheSetting(string algorithm)
    {
        var create = () => SigningKeyRing.Create(TestKeys.Secret, new JwtOptions { Algorithm = algorithm });

        create.Should().Throw<InvalidOperationException>().WithMessage("*FullAuth:Jwt:Algorithm*");
    }

    [Fact]
    public void Create_HmacWithoutSecret_NamesSecretKey() =>
        FluentActions.Invoking(() => SigningKeyRing.Create(null, new JwtOptions { Algorithm = "HS256" }))
            .Should().Throw<InvalidOperationException>().WithMessage("*FullAuth:SecretKey*");

    [Theory]
    [InlineData("RS256")]
    [InlineData("ES256")]
    public void Create_AsymmetricWithoutKeys_NamesJwtKeys(string algorithm) =>
        FluentActions.Invoking(() => SigningKeyRing.Create(TestKeys.Secret, new JwtOptions { Algorithm = algorithm }))
            .Should().Throw<InvalidOperationException>().WithMessage("*FullAuth:Jwt:Keys*");

    [Fact]
    public void Create_RsaKeyForES256_NamesTheKeySetting() =>
        FluentActions.Invoking(() => SigningKeyRing.Create(null, TestKeys.Options("ES256", TestKeys.RsaPem)))
            .Should().Throw<InvalidOperationException>().WithMessage("*FullAuth:Jwt:Keys:0*EC*ES256*");

    [Fact]
    public void Create_EcKeyForRS256_NamesTheKeySetting() =>
        FluentActions.Invoking(() => SigningKeyRing.Create(null, TestKeys.Options("RS256", TestKeys.P256Pem)))
            .Should().Throw<InvalidOperationException>().WithMessage("*FullAuth:Jwt:Keys:0*RSA*");

    [Fact]
    public void Create_P384KeyForES256_NamesTheKeySettingAndCurve() =>
        FluentActions.Invoking(() => SigningKeyRing.Create(null, TestKeys.Options("ES256", TestKeys.P384Pem)))
            .Should().Throw<InvalidOperationException>().WithMessage("*FullAuth:Jwt:Keys:0*P-256*");

    [Fact]
    public void Create_P256KeyForES384_NamesTheKeySettingAndCurve() =>
        FluentActions.Invoking(() => SigningKeyRing.Create(null, TestKeys.Options("ES384", TestKeys.P256Pem)))
            .Should().Throw<InvalidOperationException>().WithMessage("*FullAuth:Jwt:Keys:0*P-384*");

    [Fact]
    public void Create_Rsa1024_NamesTheKeySettingAndMinimum()
    {
        var small = RSA.Create(1024).ExportPkcs8PrivateKeyPem();

        FluentActions.Invoking(() => SigningKeyRing.Create(null, TestKeys.Options("RS256", small)))
            .Should().Throw<InvalidOperationException>().WithMessage("*FullAuth:Jwt:Keys:0*1024*2048*");
    }

    [Fact]
    public void Create_SecondKeyInvalid_NamesItsIndex() =>
        FluentActions.Invoking(() => SigningKeyRing.Create(null, TestKeys.Options("RS256", TestKeys.RsaPem, "not a pem")))
            .Should().Throw<InvalidOperationException>().WithMessage("*FullAuth:Jwt:Keys:1*");

    [Fact]
    public void Create_KeyWithoutPemOrPath_NamesTheSetting()
    {
        var options = new JwtOptions { Algorithm = "RS256", Keys = [new JwtKeyOptions()] };

        FluentActions.Invoking(() => SigningKeyRing.Create(null, options))
            .Should().Throw<InvalidOperationException>().WithMessage("*FullAuth:Jwt:Keys:0*PrivateKeyPem or PrivateKeyPath*");
    }

    [Fact]
    public void Create_MissingKeyFile_NamesThePathSetting()
    {
        var options = new JwtOptions { Algorithm = "RS256", Keys = [new JwtKeyOptions { PrivateKeyPath = "/nonexistent/key.pem" }] };

        FluentActions.Invoking(() => SigningKeyRing.Create(null, options))
            .Should().Throw<InvalidOperationException>().WithMessage("*FullAuth:Jwt:Keys:0:PrivateKeyPath*");
    }

    [Fact]
    public void Create_KeyFromFile_Loads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fullauth-key-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, TestKeys.P256Pem);
        try
        {
            var ring = SigningKeyRing.Create(null, new JwtOptions { Algorithm = "ES256", Keys = [new JwtKeyOptions { PrivateKeyPath = path }] });

            ring.PublicKeys.Should().ContainSingle();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Create_SameKeyTwice_NamesTheDuplicateKid() =>
        FluentActions.Invoking(() => SigningKeyRing.Create(null, TestKeys.Options("ES256", TestKeys.P256Pem, TestKeys.P256Pem)))
            .Should().Throw<InvalidOperationException>().WithMessage("*FullAuth:Jwt:Keys:1*kid*");
}
