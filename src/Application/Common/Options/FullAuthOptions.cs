namespace FullAuth.Application.Common.Options;

/// <summary>Top-level settings of the <c>FullAuth</c> section.</summary>
public sealed class FullAuthOptions
{
    public const string SectionName = "FullAuth";

    /// <summary>Root secret; purpose keys are derived from it with HKDF. At least 32 bytes.</summary>
    public string? SecretKey { get; set; }

    /// <summary><c>memory</c> or <c>redis</c>; unset means <c>redis</c> when <see cref="RedisUrl"/> is set.</summary>
    public string? Backend { get; set; }

    public string? RedisUrl { get; set; }

    /// <summary>Answer register (and passkey begin) identically whether or not the account exists.</summary>
    public bool PreventEnumeration { get; set; } = true;

    /// <summary><c>json</c>, <c>cookie</c> or <c>both</c>.</summary>
    public string TokenDelivery { get; set; } = "json";

    public bool Debug { get; set; }

    /// <summary>Addresses whose <c>X-Forwarded-For</c> is believed.</summary>
    public List<string> TrustedProxies { get; set; } = [];
}
