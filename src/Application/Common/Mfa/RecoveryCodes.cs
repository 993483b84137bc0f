using System.Security.Cryptography;
using FullAuth.Application.Common.Security;

namespace FullAuth.Application.Common.Mfa;

/// <summary>
/// Recovery codes: 10 per user, 16 characters of a 32-letter alphabet (80 bits) shown as
/// <c>xxxx-xxxx-xxxx-xxxx</c>. Stored as SHA-256 digests of the normalized form (lower case, no
/// separators), so a typed code may use any case, spaces or dashes.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static IReadOnlyList<string> Generate()
    {
        var codes = new List<string>(Count);
        for (var i = 0; i < Count; i++)
        {
            var chars = new char[16];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }

            var raw = new string(chars);
            codes.Add($"{raw[..4]}-{raw[4..8]}-{raw[8..12]}-{raw[12..]}");
        }

        return codes;
    }

    public static string Normalize(string code) =>
        new(code.Where(c => c is not ('-' or ' ')).Select(char.ToLowerInvariant).ToArray());

    public static string Digest(string code) => OpaqueToken.Digest(Normalize(code));
}
