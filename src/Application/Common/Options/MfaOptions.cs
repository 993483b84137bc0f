namespace FullAuth.Application.Common.Options;

public sealed class MfaOptions
{
    public const string SectionName = "FullAuth:Mfa";

    /// <summary>The first-factor names (see <see cref="MfaMethods"/>) after which a user with TOTP on gets an <c>MfaChallenge</c>.</summary>
    public static readonly string[] DefaultMethods = [MfaMethods.Password, MfaMethods.Email, MfaMethods.OAuth, MfaMethods.WebAuthnWithoutUv];

    /// <summary>The issuer shown in authenticator apps; null means <c>Email:ProductName</c>.</summary>
    public string? Issuer { get; set; }

    /// <summary>Null (unset) means <see cref="DefaultMethods"/>.</summary>
    public List<string>? Methods { get; set; }

    /// <summary>Members of these roles without TOTP get 403 <c>mfa_enrollment_required</c> on most routes.</summary>
    public List<string> RequiredForRoles { get; set; } = [];

    /// <summary>The <c>mfa_token</c>'s lifetime (the contract fixes it at 5 minutes).</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How many wrong codes lock the second step (for <c>Lockout:Duration</c>).</summary>
    public const int MaxFailedCodes = 5;

    public IReadOnlyList<string> EffectiveMethods => Methods is { Count: > 0 } ? Methods : DefaultMethods;
}

/// <summary>First-factor names for <c>Mfa:Methods</c>.</summary>
public static class MfaMethods
{
    public const string Password = "pwd";
    public const string Email = "email";
    public const string OAuth = "oauth";

    /// <summary>A passkey assertion without user verification: one factor.</summary>
    public const string WebAuthnWithoutUv = "webauthn-without-uv";

    /// <summary>A passkey assertion with user verification (amr <c>[webauthn, mfa]</c>): already two factors; only challenged if listed.</summary>
    public const string WebAuthn = "webauthn";

    public static readonly string[] All = [Password, Email, OAuth, WebAuthnWithoutUv, WebAuthn];
}
