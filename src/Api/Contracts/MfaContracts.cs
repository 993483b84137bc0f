namespace FullAuth.Api.Contracts;

// Request bodies are classes (not records) so that their ToString never prints a secret.

public sealed class MfaCodeRequest
{
    public string? Code { get; set; }
}

public sealed class DisableTotpRequest
{
    public string? Code { get; set; }
    public string? CurrentPassword { get; set; }
}

public sealed class VerifyMfaRequest
{
    public string? MfaToken { get; set; }
    public string? Code { get; set; }
    public string? RecoveryCode { get; set; }
}

/// <summary>The contract's <c>MfaChallenge</c>: no user, no tokens, no cookies.</summary>
public sealed record MfaChallengeResponse(bool MfaRequired, string MfaToken, int ExpiresIn, IReadOnlyList<string> Methods)
{
    public static readonly IReadOnlyList<string> SecondFactors = ["totp", "recovery_code"];

    public override string ToString() => $"MfaChallengeResponse {{ MfaToken = ***, ExpiresIn = {ExpiresIn} }}";
}
