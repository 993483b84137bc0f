namespace FullAuth.Infrastructure.Passkeys.WebAuthn;

/// <summary>Thrown inside the verifier when a check fails; the verifier turns it into a failed outcome.</summary>
internal sealed class WebAuthnCheckFailed(string check, string detail) : Exception(detail)
{
    /// <summary>The checklist step (WEBAUTHN.md), such as <c>clientData.origin</c>.</summary>
    public string Check { get; } = check;

    public static WebAuthnCheckFailed At(string check, string detail) => new(check, detail);
}
