using FullAuth.Application.Common.Options;

namespace FullAuth.Infrastructure.Options;

/// <summary>Resolves each store's backend exactly as API.md's configuration table says.</summary>
public static class StoreSelection
{
    public const string Memory = "memory";
    public const string Redis = "redis";

    public const string Blacklist = "Blacklist";
    public const string RateLimit = "RateLimit";
    public const string Lockout = "Lockout";
    public const string Challenges = "Challenges";

    public static string DefaultBackend(FullAuthOptions options) =>
        options.Backend?.Trim().ToLowerInvariant() ?? (string.IsNullOrWhiteSpace(options.RedisUrl) ? Memory : Redis);

    public static IReadOnlyDictionary<string, string> Resolve(FullAuthOptions options, StoresOptions stores)
    {
        var fallback = DefaultBackend(options);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Blacklist] = stores.Blacklist?.Trim().ToLowerInvariant() ?? fallback,
            [RateLimit] = stores.RateLimit?.Trim().ToLowerInvariant() ?? fallback,
            [Lockout] = stores.Lockout?.Trim().ToLowerInvariant() ?? fallback,
            [Challenges] = stores.Challenges?.Trim().ToLowerInvariant() ?? fallback,
        };
    }
}
