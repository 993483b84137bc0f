using System.Security.Cryptography;
using System.Text;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using Microsoft.IdentityModel.Tokens;

namespace FullAuth.Infrastructure.Security;

/// <summary>
/// The configured signing keys: HS* keys derived from <c>SecretKey</c>, RS*/PS*/ES* keys from PEM.
/// The first key signs; all verify. Each key's <c>kid</c> is its configured <c>KeyId</c>, else its
/// RFC 7638 thumbprint (stable across restarts).
/// </summary>
public sealed class SigningKeyRing : IJwksProvider
{
    public static readonly IReadOnlyList<string> SupportedAlgorithms =
        ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "ES256", "ES384"];

    private SigningKeyRing(string algorithm, IReadOnlyList<SecurityKey> keys, IReadOnlyList<JwkResponse> publicKeys)
    {
        Algorithm = algorithm;
        Keys = keys;
        KeysById = keys.ToDictionary(k => k.KeyId, StringComparer.Ordinal);
        SigningCredentials = new SigningCredentials(keys[0], algorithm);
        PublicKeys = publicKeys;
    }

    public string Algorithm { get; }

    public IReadOnlyList<SecurityKey> Keys { get; }

    public IReadOnlyDictionary<string, SecurityKey> KeysById { get; }

    public SigningCredentials SigningCredentials { get; }

    public IReadOnlyList<JwkResponse> PublicKeys { get; }

    public static bool IsHmac(string algorithm) => algorithm.StartsWith("HS", StringComparison.Ordinal);

    /// <summary>Minimum <c>SecretKey</c> bytes for the algorithm (32, or 48/64 for HS384/HS512).</summary>
    public static int MinimumSecretBytes(string algorithm) => algorithm switch
    {
        "HS384" => 48,
        "HS512" => 64,
        _ => 32,
    };

    /// <summary>Builds the ring; throws <see cref="InvalidOperationException"/> naming the setting and the fix.</summary>
    public static SigningKeyRing Create(string? secretKey, JwtOptions options)
    {
        var algorithm = options.Algorithm;
        if (!SupportedAlgorithms.Contains(algorithm))
        {
            throw new InvalidOperationException(
                $"FullAuth:Jwt:Algorithm '{algorithm}' is not supported. Use one of {string.Join(", ", SupportedAlgorithms)}.");
        }

        if (IsHmac(algorithm))
        {
            if (string.IsNullOrEmpty(secretKey))
            {
                throw new InvalidOperationException("FullAuth:SecretKey is required. Generate one with `dotnet run --project src/Api -- secret`.");
            }

            var length = MinimumSecretBytes(algorithm);
            var key = new SymmetricSecurityKey(KeyDerivation.Derive(secretKey, KeyDerivation.Jwt, length));
            key.KeyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromSymmetricSecurityKey(key).ComputeJwkThumbprint());
            return new SigningKeyRing(algorithm, [key], []);
        }

        if (options.Keys.Count == 0)
        {
            throw new InvalidOperationException(
                $"FullAuth:Jwt:Keys is empty but {algorithm} needs a private key. Add {{ PrivateKeyPath: \"key.pem\" }} " +
                $"(create one with `dotnet run --project src/Api -- keys generate --alg {algorithm} --out key.pem`).");
        }

        var keys = new List<SecurityKey>();
        var publicKeys = new List<JwkResponse>();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var (key, jwk) = LoadAsymmetric(algorithm, options.Keys[i], $"FullAuth:Jwt:Keys:{i}");
            if (keys.Any(k => k.KeyId == key.KeyId))
            {
                throw new InvalidOperationException($"FullAuth:Jwt:Keys:{i} has the same kid '{key.KeyId}' as an earlier key. Give each key its own KeyId.");
            }

            keys.Add(key);
            publicKeys.Add(jwk);
        }

        return new SigningKeyRing(algorithm, keys, publicKeys);
    }

    private static (SecurityKey Key, JwkResponse Jwk) LoadAsymmetric(string algorithm, JwtKeyOptions options, string setting)
    {
        var pem = ReadPem(options, setting);
        if (algorithm.StartsWith("ES", StringComparison.Ordinal))
        {
            var ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportFromPem(pem);
                _ = ecdsa.ExportParameters(includePrivateParameters: true);
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                throw new InvalidOperationException($"{setting} is not an EC private key in PEM, which {algorithm} needs.", ex);
            }

            var (curve, size) = algorithm == "ES256" ? ("P-256", 256) : ("P-384", 384);
            if (ecdsa.KeySize != size)
            {
                throw new InvalidOperationException($"{setting} is a {ecdsa.KeySize}-bit EC key but {algorithm} needs {curve}. Generate one with `-- keys generate --alg {algorithm}`.");
            }

            var publicJwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ecdsa.ExportParameters(false))));
            var kid = options.KeyId ?? Base64UrlEncoder.Encode(publicJwk.ComputeJwkThumbprint());
            var key = new ECDsaSecurityKey(ecdsa) { KeyId = kid };
            return (key, new JwkResponse("EC", kid, "sig", algorithm, null, null, publicJwk.Crv, publicJwk.X, publicJwk.Y));
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            _ = rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new InvalidOperationException($"{setting} is not an RSA private key in PEM, which {algorithm} needs.", ex);
        }

        if (rsa.KeySize < 2048)
        {
            throw new InvalidOperationException($"{setting} is a {rsa.KeySize}-bit RSA key; {algorithm} needs at least 2048 bits.");
        }

        var publicParameters = rsa.ExportParameters(false);
        var rsaJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(publicParameters));
        var rsaKid = options.KeyId ?? Base64UrlEncoder.Encode(rsaJwk.ComputeJwkThumbprint());
        return (new RsaSecurityKey(rsa) { KeyId = rsaKid }, new JwkResponse("RSA", rsaKid, "sig", algorithm, rsaJwk.N, rsaJwk.E, null, null, null));
    }

    private static string ReadPem(JwtKeyOptions options, string setting)
    {
        if (!string.IsNullOrWhiteSpace(options.PrivateKeyPem))
        {
            return options.PrivateKeyPem;
        }

        if (string.IsNullOrWhiteSpace(options.PrivateKeyPath))
        {
            throw new InvalidOperationException($"{setting} needs PrivateKeyPem or PrivateKeyPath.");
        }

        if (!File.Exists(options.PrivateKeyPath))
        {
            throw new InvalidOperationException($"{setting}:PrivateKeyPath '{options.PrivateKeyPath}' does not exist.");
        }

        return File.ReadAllText(options.PrivateKeyPath, Encoding.UTF8);
    }
}
