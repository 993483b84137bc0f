namespace FullAuth.Application.Common.Options;

/// <summary>Passwordless email sign-in (API.md, "Passwordless email sign-in").</summary>
public sealed class MagicLinksOptions
{
    public const string SectionName = "FullAuth:MagicLinks";

    /// <summary>Off by default: both routes answer 404 until this is true.</summary>
    public bool Enabled { get; set; }

    /// <summary>Creates the account (verified email, no password) on first use; <c>Registration:Enabled=false</c> still refuses it.</summary>
    public bool AllowSignUp { get; set; }

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(15);
}
