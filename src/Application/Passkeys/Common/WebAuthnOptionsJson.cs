using System.Text.Json.Serialization;

namespace FullAuth.Application.Passkeys.Common;

// The WebAuthn L3 JSON shapes that PublicKeyCredential.parseCreationOptionsFromJSON /
// parseRequestOptionsFromJSON accept as they are. Member names keep the spec's camelCase (API.md):
// every member carries its JSON name, so the API's snake_case policy does not touch them. Binary
// members are unpadded base64url; absent members are left out rather than sent as null.

/// <summary><c>PublicKeyCredentialCreationOptionsJSON</c>.</summary>
public sealed record CreationOptionsJson(
    [property: JsonPropertyName("rp")] RpEntityJson Rp,
    [property: JsonPropertyName("user")] UserEntityJson User,
    [property: JsonPropertyName("challenge")] string Challenge,
    [property: JsonPropertyName("pubKeyCredParams")] IReadOnlyList<CredentialParameterJson> PubKeyCredParams,
    [property: JsonPropertyName("timeout")] long Timeout,
    [property: JsonPropertyName("excludeCredentials")] IReadOnlyList<CredentialDescriptorJson> ExcludeCredentials,
    [property: JsonPropertyName("authenticatorSelection")] AuthenticatorSelectionJson AuthenticatorSelection,
    [property: JsonPropertyName("attestation")] string Attestation,
    [property: JsonPropertyName("extensions")] CreationExtensionsJson Extensions);

public sealed record RpEntityJson([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("name")] string Name);

public sealed record UserEntityJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("displayName")] string DisplayName);

public sealed record CredentialParameterJson([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("alg")] int Alg);

public sealed record CredentialDescriptorJson(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("transports")] IReadOnlyList<string> Transports);

public sealed record AuthenticatorSelectionJson(
    [property: JsonPropertyName("residentKey")] string ResidentKey,
    [property: JsonPropertyName("requireResidentKey")] bool RequireResidentKey,
    [property: JsonPropertyName("userVerification")] string UserVerification);

public sealed record CreationExtensionsJson([property: JsonPropertyName("credProps")] bool CredProps);

/// <summary><c>PublicKeyCredentialRequestOptionsJSON</c>; <c>allowCredentials</c> is always a list (empty for a discoverable sign-in).</summary>
public sealed record RequestOptionsJson(
    [property: JsonPropertyName("challenge")] string Challenge,
    [property: JsonPropertyName("timeout")] long Timeout,
    [property: JsonPropertyName("rpId")] string RpId,
    [property: JsonPropertyName("allowCredentials")] IReadOnlyList<CredentialDescriptorJson> AllowCredentials,
    [property: JsonPropertyName("userVerification")] string UserVerification);
