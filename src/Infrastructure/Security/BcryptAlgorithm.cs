namespace FullAuth.Infrastructure.Security;

/// <summary>bcrypt (BCrypt.Net-Next, <c>$2a$</c>/<c>$2b$</c>/<c>$2y$</c> hashes).</summary>
internal sealed class BcryptAlgorithm(int workFactor = 12) : IPasswordHashAlgorithm
{
    public string Name => "bcrypt";

    public bool Recognizes(string hash) =>
        hash.StartsWith("$2a$", StringComparison.Ordinal) || hash.StartsWith("$2b$", StringComparison.Ordinal) || hash.StartsWith("$2y$", StringComparison.Ordinal);

    public string Hash(string password) => BCrypt.Net.BCrypt.HashPassword(password, workFactor);

    public (bool Valid, bool Outdated) Verify(string password, string hash)
    {
        try
        {
            var valid = BCrypt.Net.BCrypt.Verify(password, hash);
            return (valid, valid && BCrypt.Net.BCrypt.PasswordNeedsRehash(hash, workFactor));
        }
        catch (Exception ex) when (ex is BCrypt.Net.SaltParseException or ArgumentException or IndexOutOfRangeException or FormatException)
        {
            // A malformed stored hash (truncated, hand-edited) is a failed verification, not a 500.
            return (false, false);
        }
    }
}
