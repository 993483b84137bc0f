using System.Security.Cryptography;
using System.Text;

namespace FullAuth.Infrastructure.Security;

/// <summary>
/// Purpose keys from <c>SecretKey</c>: HKDF-SHA256 (RFC 5869) over its UTF-8 bytes, empty salt, info
/// <c>fullauth:{purpose}</c>. One secret never serves two purposes.
/// </summary>
public static class KeyDerivation
{
    public const string Jwt = "fullauth:jwt";
    public const string Csrf = "fullauth:csrf";
    public const string OAuthState = "fullauth:oauth-state";

    public static byte[] Derive(string secretKey, string info, int length = 32) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secretKey), length, salt: [], info: Encoding.UTF8.GetBytes(info));
}
