using System.Security.Cryptography;
using FullAuth.Application.Common.Options;

namespace FullAuth.Infrastructure.IntegrationTests.Support;

/// <summary>Keys generated once per test run (RSA generation is slow).</summary>
internal static class TestKeys
{
    public const string Secret = "an-integration-test-secret-that-is-long-enough-for-hs512-0123456789abcdef";

    private static readonly Lazy<string> Rsa2048 = new(() => RSA.Create(2048).ExportPkcs8PrivateKeyPem());
    private static readonly Lazy<string> Rsa2048Other = new(() => RSA.Create(2048).ExportPkcs8PrivateKeyPem());
    private static readonly Lazy<string> P256 = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem());
    private static readonly Lazy<string> P384 = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP384).ExportPkcs8PrivateKeyPem());

    public static string RsaPem => Rsa2048.Value;

    public static string OtherRsaPem => Rsa2048Other.Value;

    public static string P256Pem => P256.Value;

    public static string P384Pem => P384.Value;

    public static string PemFor(string algorithm) => algorithm switch
    {
        "ES256" => P256Pem,
        "ES384" => P384Pem,
        _ => RsaPem,
    };

    public static JwtOptions Options(string algorithm, params string[] pems) => new()
    {
        Algorithm = algorithm,
        Keys = pems.Select(p => new JwtKeyOptions { PrivateKeyPem = p }).ToList(),
    };
}
