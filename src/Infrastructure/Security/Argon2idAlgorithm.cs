using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace FullAuth.Infrastructure.Security;

/// <summary>
/// Argon2id through libsodium (NSec), encoded in the PHC string format
/// <c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>. Defaults are OWASP's: 19 MiB, 2 passes, 1 lane.
/// </summary>
internal sealed class Argon2idAlgorithm(int memoryKiB = 19 * 1024, int passes = 2) : IPasswordHashAlgorithm
{
    private const string Prefix = "$argon2id$";
    private const int SaltSize = 16;
    private const int HashSize = 32;

    public string Name => "argon2id";

    public bool Recognizes(string hash) => hash.StartsWith(Prefix, StringComparison.Ordinal);

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var derived = Derive(password, salt, memoryKiB, passes, HashSize);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Prefix}v=19$m={memoryKiB},t={passes},p=1${Encode(salt)}${Encode(derived)}");
    }

    public (bool Valid, bool Outdated) Verify(string password, string hash)
    {
        if (!TryParse(hash, out var memory, out var time, out var salt, out var expected))
        {
            return (false, false);
        }

        var actual = Derive(password, salt, memory, time, expected.Length);
        var valid = CryptographicOperations.FixedTimeEquals(actual, expected);
        return (valid, memory != memoryKiB || time != passes);
    }

    private static byte[] Derive(string password, byte[] salt, int memory, int time, int length)
    {
        var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = 1,
            MemorySize = memory,
            NumberOfPasses = time,
        });
        return algorithm.DeriveBytes(Encoding.UTF8.GetBytes(password), salt, length);
    }

    private static bool TryParse(string hash, out int memory, out int time, out byte[] salt, out byte[] expected)
    {
        memory = time = 0;
        salt = expected = [];
        var parts = hash.Split('$');
        // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
        if (parts.Length != 6 || parts[1] != "argon2id" || parts[2] != "v=19")
        {
            return false;
        }

        foreach (var pair in parts[3].Split(','))
        {
            var kv = pair.Split('=');
            if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            switch (kv[0])
            {
                case "m": memory = value; break;
                case "t": time = value; break;
                case "p" when value != 1: return false;
            }
        }

        try
        {
            salt = Decode(parts[4]);
            expected = Decode(parts[5]);
        }
        catch (FormatException)
        {
            return false;
        }

        return memory >= 8 && time >= 1 && salt.Length == SaltSize && expected.Length >= 16;
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] Decode(string text) => Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
}
