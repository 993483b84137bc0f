namespace FullAuth.Application.Mfa.Common;

/// <summary><c>/mfa/totp/setup</c>: the secret (for typing), the URI and its QR code (for scanning).</summary>
public sealed record TotpSetupResponse(string Secret, string OtpauthUri, string QrSvg)
{
    public override string ToString() => "TotpSetupResponse { Secret = *** }";
}

/// <summary>New recovery codes, shown once.</summary>
public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes)
{
    public override string ToString() => $"RecoveryCodesResponse {{ Count = {RecoveryCodes.Count} }}";
}
