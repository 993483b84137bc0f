using System.Security.Cryptography;
using System.Text;

namespace FullAuth.Application.Common.Security;

/// <summary>Random bearer secrets (refresh and one-time tokens) and the digests they are stored as.</summary>
public static class OpaqueToken
{
    /// <summary>A new URL-safe token of <paramref name="bytes"/> random bytes (default 32 = 256 bits).</summary>
    public static string Create(int bytes = 32) => Base64Url.Encode(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes.</summary>
    public static string Digest(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Masks an email for logs: the first character of the local part and the domain.</summary>
    public static string MaskEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }
}

internal static class Base64Url
{
    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
