using System.Text.RegularExpressions;

namespace FullAuth.Api.Cli;

/// <summary>
/// What the command line must never print: the value of every configuration key whose name marks a
/// secret, and passwords embedded in connection strings and Redis URLs.
/// </summary>
public sealed partial class SecretScrubber
{
    public const string Mask = "***";

    private readonly List<string> _secrets;

    public SecretScrubber(IConfiguration configuration)
    {
        _secrets = configuration.AsEnumerable()
            .Where(kv => !string.IsNullOrEmpty(kv.Value))
            .SelectMany(kv => SecretsIn(kv.Key, kv.Value!))
            .Where(s => s.Length >= 4)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToList();
    }

    /// <summary>Whether a key's value is a secret as a whole (<c>SecretKey</c>, <c>Smtp:Password</c>, <c>ClientSecret</c>, PEM, headers...).</summary>
    public static bool IsSecretKey(string key)
    {
        var segments = key.Split(':');
        var leaf = segments[^1];
        return SecretName().IsMatch(leaf) || segments.Any(s => s.Equals("Headers", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Masks the password inside a connection string or Redis configuration / URL; null stays null.</summary>
    public static string? MaskEmbedded(string? value) =>
        value is null ? null : UrlPassword().Replace(KeyValuePassword().Replace(value, "$1" + Mask), "$1" + Mask + "@");

    /// <summary>Replaces every known secret value (including passwords found inside connection strings) with <see cref="Mask"/>.</summary>
    public string Scrub(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    private static IEnumerable<string> SecretsIn(string key, string value)
    {
        if (IsSecretKey(key))
        {
            yield return value;
        }

        foreach (Match match in KeyValuePassword().Matches(value))
        {
            yield return match.Groups[2].Value;
        }

        foreach (Match match in UrlPassword().Matches(value))
        {
            yield return match.Groups[2].Value;
        }
    }

    [GeneratedRegex("(secret|^password$|pem$|apikey|api_key|token$)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    // password=...; Password=...; pwd=... (connection strings) and password=... (StackExchange.Redis, comma separated).
    [GeneratedRegex("((?:password|pwd)\\s*=\\s*)([^;,]+)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValuePassword();

    // scheme://user:password@host
    [GeneratedRegex("(://[^:/@\\s]*:)([^@\\s]+)@")]
    private static partial Regex UrlPassword();
}
