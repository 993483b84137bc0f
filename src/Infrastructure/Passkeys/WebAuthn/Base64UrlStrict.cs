using System.Buffers.Text;

namespace FullAuth.Infrastructure.Passkeys.WebAuthn;

/// <summary>
/// base64url (RFC 4648 §5) as WebAuthn JSON uses it: unpadded, but trailing <c>=</c> padding is
/// tolerated in binary members; characters outside the alphabet (<c>+</c>, <c>/</c>, whitespace) are not.
/// </summary>
internal static class Base64UrlStrict
{
    public static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan();
        var padding = 0;
        while (span.Length > 0 && span[^1] == '=' && padding < 2)
        {
            span = span[..^1];
            padding++;
        }

        if (span.Length % 4 == 1 || (padding > 0 && (span.Length + padding) % 4 != 0))
        {
            return false;
        }

        foreach (var c in span)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(span);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);
}
