using System.Text;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.Security;

/// <summary>
/// Length limits (checked first, so a 10 kB password costs nothing), bcrypt's 72-byte limit, and the
/// NCSC list of the 20,000 most common passwords (compared trimmed and case-insensitively).
/// </summary>
internal sealed class PasswordPolicy(IOptions<PasswordOptions> options) : IPasswordPolicy
{
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public string? Check(string password)
    {
        var settings = options.Value;
        if (password.Length < settings.MinLength)
        {
            return $"Password must be at least {settings.MinLength} characters.";
        }

        if (password.Length > settings.MaxLength)
        {
            return $"Password must be at most {settings.MaxLength} characters.";
        }

        if (string.Equals(settings.Hasher, "bcrypt", StringComparison.OrdinalIgnoreCase) && Encoding.UTF8.GetByteCount(password) > 72)
        {
            return "Password must be at most 72 bytes in UTF-8.";
        }

        if (CommonPasswords.Value.Contains(password.Trim()))
        {
            return "Password is too common; choose another.";
        }

        return null;
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("FullAuth.Infrastructure.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in FullAuth.Infrastructure.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length > 0)
            {
                set.Add(entry);
            }
        }

        return set;
    }
}
