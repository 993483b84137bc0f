using System.Text.Json;

namespace FullAuth.Application.Passkeys.Common;

/// <summary>
/// The WebAuthn relying-party checks of one ceremony (registration, spec §7.1; authentication, §7.2)
/// over the JSON the browser's <c>credential.toJSON()</c> produced. Pure: it neither stores nor loads
/// anything. The caller finds and consumes the challenge first, looks up the stored credential for an
/// assertion, and refuses a credential id that is already registered.
/// </summary>
public interface IWebAuthnVerifier
{
    /// <summary>
    /// The members the caller needs before it can verify: the challenge the client says it answered
    /// (to find the stored ceremony), the credential id and the user handle. Null when the JSON is not
    /// a credential at all. Nothing here is trusted until the verify call succeeds.
    /// </summary>
    CredentialHeader? ReadHeader(JsonElement credential);

    WebAuthnOutcome<VerifiedRegistration> VerifyRegistration(JsonElement credential, RegistrationCeremony ceremony);

    WebAuthnOutcome<VerifiedAssertion> VerifyAssertion(JsonElement credential, AssertionCeremony ceremony);
}

/// <summary>Unverified members of a credential: see <see cref="IWebAuthnVerifier.ReadHeader"/>.</summary>
public sealed record CredentialHeader(string Challenge, byte[] RawId, byte[]? UserHandle);

/// <summary>The relying party: its RP ID, the exact origins allowed, and the cross-origin (iframe) policy.</summary>
public sealed record RelyingParty(string Id, IReadOnlyList<string> Origins, bool AllowCrossOrigin = false, IReadOnlyList<string>? TopOrigins = null);

/// <summary>What the server asked for in a registration (<c>create</c>) and still holds.</summary>
/// <param name="Algorithms">The COSE algorithms offered in <c>pubKeyCredParams</c>; nothing else is accepted.</param>
/// <param name="RequireUserPresence">False only for a conditional create (L3 automatic passkey upgrade).</param>
/// <param name="TrustAnchors">DER attestation roots. Null: no trust store, a packed x5c chain is recorded as "no trust anchors configured"; a chain that reaches none of the given roots is "untrusted".</param>
/// <param name="RequireTrustedAttestation">Refuse a packed x5c chain that does not reach an anchor.</param>
public sealed record RegistrationCeremony(
    RelyingParty RelyingParty,
    byte[] Challenge,
    bool RequireUserVerification,
    IReadOnlyList<int> Algorithms,
    bool RequireUserPresence = true,
    IReadOnlyList<byte[]>? TrustAnchors = null,
    bool RequireTrustedAttestation = false);

/// <summary>A stored credential, as an assertion is verified against it.</summary>
/// <param name="UserHandle">The account's user handle, when the account is known.</param>
/// <param name="BackupEligible">The stored BE flag: it must never change.</param>
public sealed record StoredCredential(byte[] Id, byte[] PublicKey, uint SignCount, byte[]? UserHandle, bool? BackupEligible);

/// <summary>What the server asked for in an authentication (<c>get</c>) and the credential it is checked against.</summary>
/// <param name="AllowCredentials">The ids sent in <c>allowCredentials</c>; empty for a discoverable sign-in.</param>
/// <param name="UserIdentified">The user was known before the ceremony; false means the user handle is required.</param>
/// <param name="RejectSignCountRegression">Refuse (true) or only flag a counter that did not go up.</param>
public sealed record AssertionCeremony(
    RelyingParty RelyingParty,
    byte[] Challenge,
    bool RequireUserVerification,
    StoredCredential Credential,
    IReadOnlyList<byte[]> AllowCredentials,
    bool UserIdentified,
    bool RejectSignCountRegression = true);

/// <summary>A verified registration: everything the credential record needs, taken from the signed data.</summary>
public sealed record VerifiedRegistration(
    byte[] CredentialId,
    byte[] PublicKey,
    int Algorithm,
    uint SignCount,
    bool UserVerified,
    bool BackupEligible,
    bool BackedUp,
    Guid Aaguid,
    string Format,
    string AttestationType,
    IReadOnlyList<string> Transports);

/// <summary>A verified assertion.</summary>
/// <param name="SignCountSuspicious">The counter did not go up and the ceremony only flags that.</param>
public sealed record VerifiedAssertion(uint SignCount, bool UserVerified, bool BackupEligible, bool BackedUp, bool SignCountSuspicious);

/// <summary>
/// A verification result: the value, or the first failed check (the step names of WEBAUTHN.md's
/// checklist, such as <c>clientData.origin</c>) with a detail for the log. Neither is ever returned to
/// the client.
/// </summary>
public sealed class WebAuthnOutcome<T>
    where T : class
{
    private WebAuthnOutcome(T? value, string? failedCheck, string? detail)
    {
        Value = value;
        FailedCheck = failedCheck;
        Detail = detail;
    }

    public T? Value { get; }

    public string? FailedCheck { get; }

    public string? Detail { get; }

    public bool Succeeded => Value is not null;

    public static WebAuthnOutcome<T> Success(T value) => new(value, null, null);

    public static WebAuthnOutcome<T> Failure(string check, string detail) => new(null, check, detail);

    public override string ToString() => Succeeded ? "success" : $"failed at {FailedCheck}: {Detail}";
}
