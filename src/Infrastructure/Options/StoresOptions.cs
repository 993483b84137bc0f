namespace FullAuth.Infrastructure.Options;

/// <summary>Per-store backend overrides; unset stores follow <c>Backend</c>.</summary>
public sealed class StoresOptions
{
    public const string SectionName = "FullAuth:Stores";

    public string? Blacklist { get; set; }
    public string? RateLimit { get; set; }
    public string? Lockout { get; set; }
    public string? Challenges { get; set; }
}
