namespace FullAuth.Application.Passkeys.Common;

/// <summary>Section <c>FullAuth:Passkeys</c>. Passkeys are on when <see cref="RpId"/> is set.</summary>
public sealed class PasskeyOptions
{
    public const string SectionName = "FullAuth:Passkeys";

    public const string Required = "required";
    public const string Preferred = "preferred";
    public const string Discouraged = "discouraged";

    /// <summary>The RP ID: a registrable domain (no scheme, no port, not an IP address), e.g. <c>example.com</c> or <c>localhost</c>.</summary>
    public string? RpId { get; set; }

    /// <summary>Shown by the browser and authenticator; default the RP ID.</summary>
    public string? RpName { get; set; }

    /// <summary>Exact origins allowed in <c>clientDataJSON</c> (scheme, host, port); default <c>Cors:Origins</c>.</summary>
    public List<string> Origins { get; set; } = [];

    /// <summary><c>required</c>, <c>preferred</c> (default) or <c>discouraged</c>; with <c>required</c> an assertion without UV is refused.</summary>
    public string UserVerification { get; set; } = Preferred;

    /// <summary>How long a begin's challenge is valid; also the options' <c>timeout</c>.</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public bool Enabled => !string.IsNullOrWhiteSpace(RpId);

    public string EffectiveRpName => string.IsNullOrWhiteSpace(RpName) ? RpId ?? string.Empty : RpName;

    public bool RequireUserVerification => string.Equals(UserVerification, Required, StringComparison.Ordinal);

    public RelyingParty RelyingParty => new(RpId ?? string.Empty, Origins);

    /// <summary>The COSE algorithms offered, in order of preference: EdDSA, ES256, RS256.</summary>
    public static readonly int[] Algorithms = [-8, -7, -257];
}
