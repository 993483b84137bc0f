using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FullAuth.Application.Common.Options;
using FullAuth.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace FullAuth.Api.Http.Csrf;

/// <summary>
/// CSRF tokens <c>nonce.HMAC(k_csrf, sid‖nonce)</c> with <c>k_csrf</c> derived from <c>SecretKey</c> (HKDF,
/// info <c>fullauth:csrf</c>). A token is valid only for the session it was issued for; one issued for no
/// session satisfies nothing. Stateless: any number of tokens can be valid for one session at once.
/// </summary>
public sealed class CsrfTokens(IOptions<FullAuthOptions> options)
{
    private const int NonceBytes = 16;

    /// <summary>Base64url length of the nonce; fixed, so <c>sid‖nonce</c> is unambiguous.</summary>
    private static readonly int NonceLength = Base64Url.GetEncodedLength(NonceBytes);

    private readonly Lazy<byte[]> _key = new(() => KeyDerivation.Derive(
        options.Value.SecretKey ?? throw new InvalidOperationException("FullAuth:SecretKey is missing."),
        KeyDerivation.Csrf));

    /// <summary>A new token bound to <paramref name="sessionId"/> (null: bound to no session).</summary>
    public string Issue(string? sessionId)
    {
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(NonceBytes));
        return nonce + "." + Base64Url.EncodeToString(Mac(sessionId ?? string.Empty, nonce));
    }

    public bool IsValid(string? token, string? sessionId)
    {
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(sessionId) || token.Length > 256)
        {
            return false;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot != NonceLength)
        {
            return false;
        }

        var nonce = token[..dot];
        byte[] presented;
        try
        {
            presented = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(presented, Mac(sessionId, nonce));
    }

    private byte[] Mac(string sessionId, string nonce) =>
        HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(sessionId + nonce));
}
