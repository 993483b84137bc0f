using Microsoft.Extensions.Options;

namespace FullAuth.Api.Http.Cookies;

/// <summary><c>Cors:Origins</c>, normalised: the CORS allow-list and the sign-in <c>Origin</c> allow-list.</summary>
public sealed class AllowedOrigins(IOptions<CorsOriginsOptions> options)
{
    private readonly HashSet<string> _origins = options.Value.Origins
        .Where(o => !string.IsNullOrWhiteSpace(o))
        .Select(Normalize)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> All => _origins;

    /// <summary>True only for one exact listed origin; a missing header or <c>null</c> never matches.</summary>
    public bool IsAllowed(string? origin) =>
        !string.IsNullOrWhiteSpace(origin) && !string.Equals(origin, "null", StringComparison.OrdinalIgnoreCase) && _origins.Contains(Normalize(origin));

    public static string Normalize(string origin) => origin.Trim().TrimEnd('/');
}
