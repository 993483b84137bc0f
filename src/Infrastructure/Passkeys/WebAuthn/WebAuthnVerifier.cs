using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text.Json;
using FullAuth.Application.Passkeys.Common;

namespace FullAuth.Infrastructure.Passkeys.WebAuthn;

/// <summary>
/// The relying-party ceremonies of WEBAUTHN.md §1, in its order: cheap structural checks first, the
/// signature last. Everything is taken from the signed bytes (<c>attestationObject</c>,
/// <c>authenticatorData</c>); the unsigned JSON conveniences (<c>publicKey</c>,
/// <c>authenticatorAttachment</c>, <c>clientExtensionResults</c>) are never read.
/// </summary>
internal sealed class WebAuthnVerifier(TimeProvider time) : IWebAuthnVerifier
{
    private static readonly HashSet<string> KnownTransports = ["usb", "nfc", "ble", "smart-card", "hybrid", "internal", "cable"];

    public CredentialHeader? ReadHeader(JsonElement credential)
    {
        try
        {
            if (credential.ValueKind != JsonValueKind.Object
                || !Base64UrlStrict.TryDecode(OptionalString(credential, "rawId"), out var rawId) || rawId.Length == 0
                || !credential.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object
                || !Base64UrlStrict.TryDecode(OptionalString(response, "clientDataJSON"), out var clientDataJson))
            {
                return null;
            }

            var clientData = ClientData.Parse(clientDataJson);
            return new CredentialHeader(clientData.Challenge, rawId, UserHandle(response));
        }
        catch (Exception ex) when (ex is WebAuthnCheckFailed || IsMalformedInput(ex))
        {
            return null;
        }
    }

    public WebAuthnOutcome<VerifiedRegistration> VerifyRegistration(JsonElement credential, RegistrationCeremony ceremony) =>
        Run(() => Register(credential, ceremony));

    public WebAuthnOutcome<VerifiedAssertion> VerifyAssertion(JsonElement credential, AssertionCeremony ceremony) =>
        Run(() => Assert(credential, ceremony));

    private static WebAuthnOutcome<T> Run<T>(Func<T> ceremony)
        where T : class
    {
        try
        {
            return WebAuthnOutcome<T>.Success(ceremony());
        }
        catch (WebAuthnCheckFailed failed)
        {
            return WebAuthnOutcome<T>.Failure(failed.Check, failed.Message);
        }
        catch (Exception ex) when (IsMalformedInput(ex))
        {
            // A parser or crypto library refusing input that no named check caught first: still only a failure.
            return WebAuthnOutcome<T>.Failure("malformed", ex.GetType().Name + ": " + ex.Message);
        }
    }

    private VerifiedRegistration Register(JsonElement credential, RegistrationCeremony ceremony)
    {
        var (rawId, response) = Envelope(credential);
        var clientData = ClientData.Parse(Binary(response, "clientDataJSON", "clientData"));
        CheckClientData(clientData, "webauthn.create", ceremony.Challenge, ceremony.RelyingParty);
        var clientDataHash = SHA256.HashData(clientData.Raw);

        var (fmt, authDataBytes, attStmt) = ReadAttestationObject(Binary(response, "attestationObject", "attestationObject"));
        var authData = AuthenticatorData.Parse(authDataBytes, registration: true);
        CheckRpIdHash(authData, ceremony.RelyingParty.Id);
        if (ceremony.RequireUserPresence && !authData.UserPresent)
        {
            throw WebAuthnCheckFailed.At("authData.flags.UP", "user presence (UP) is not set");
        }

        CheckUvAndBackup(authData, ceremony.RequireUserVerification);
        if (!authData.HasAttestedCredential)
        {
            throw WebAuthnCheckFailed.At("authData.flags.AT", "a registration without attested credential data (AT clear)");
        }

        using var key = CoseKey.Parse(authData.CredentialPublicKey);
        if (!ceremony.Algorithms.Contains(key.Algorithm))
        {
            throw WebAuthnCheckFailed.At("credential.alg", $"algorithm {key.Algorithm} was not offered");
        }

        if (!authData.CredentialId.AsSpan().SequenceEqual(rawId))
        {
            throw WebAuthnCheckFailed.At("credential.id", "rawId differs from the credential id in the authenticator data");
        }

        var attestationType = AttestationStatement.Verify(fmt, attStmt, authData, clientDataHash, key, ceremony, time.GetUtcNow());
        return new VerifiedRegistration(
            authData.CredentialId,
            authData.CredentialPublicKey,
            key.Algorithm,
            authData.SignCount,
            authData.UserVerified,
            authData.BackupEligible,
            authData.BackedUp,
            authData.Aaguid,
            fmt,
            attestationType,
            Transports(response));
    }

    private static VerifiedAssertion Assert(JsonElement credential, AssertionCeremony ceremony)
    {
        var (rawId, response) = Envelope(credential);
        var stored = ceremony.Credential;
        if (ceremony.AllowCredentials.Count > 0 && !ceremony.AllowCredentials.Any(id => id.AsSpan().SequenceEqual(rawId)))
        {
            throw WebAuthnCheckFailed.At("allowCredentials", "the credential was not in allowCredentials");
        }

        if (!stored.Id.AsSpan().SequenceEqual(rawId))
        {
            throw WebAuthnCheckFailed.At("credential.id", "rawId is not the stored credential");
        }

        // The user handle is not signed: it is only believed after this cross-check (spec §7.2 step 6).
        var userHandle = UserHandle(response);
        if (userHandle is null ? !ceremony.UserIdentified : stored.UserHandle is not null && !userHandle.AsSpan().SequenceEqual(stored.UserHandle))
        {
            throw WebAuthnCheckFailed.At("userHandle", userHandle is null ? "no user handle in a username-less sign-in" : "the user handle is not the credential owner's");
        }

        var clientData = ClientData.Parse(Binary(response, "clientDataJSON", "clientData"));
        CheckClientData(clientData, "webauthn.get", ceremony.Challenge, ceremony.RelyingParty);

        var authDataBytes = Binary(response, "authenticatorData", "authData.parse");
        var authData = AuthenticatorData.Parse(authDataBytes, registration: false);
        CheckRpIdHash(authData, ceremony.RelyingParty.Id);
        if (!authData.UserPresent)
        {
            throw WebAuthnCheckFailed.At("authData.flags.UP", "user presence (UP) is not set");
        }

        CheckUvAndBackup(authData, ceremony.RequireUserVerification);
        if (stored.BackupEligible is { } eligible && eligible != authData.BackupEligible)
        {
            throw WebAuthnCheckFailed.At("authData.flags.BE", "the backup-eligible flag (BE) changed");
        }

        var signature = Binary(response, "signature", "signature");
        using (var key = CoseKey.Parse(stored.PublicKey))
        {
            var signed = new byte[authDataBytes.Length + SHA256.HashSizeInBytes];
            authDataBytes.CopyTo(signed, 0);
            SHA256.HashData(clientData.Raw, signed.AsSpan(authDataBytes.Length));
            if (!key.Verify(signed, signature))
            {
                throw WebAuthnCheckFailed.At("signature", "the assertion signature does not verify");
            }
        }

        var counter = authData.SignCount;
        var suspicious = (counter != 0 || stored.SignCount != 0) && counter <= stored.SignCount;
        if (suspicious && ceremony.RejectSignCountRegression)
        {
            throw WebAuthnCheckFailed.At("signCount", $"the signature counter did not go up ({stored.SignCount} → {counter}): possible cloned authenticator");
        }

        return new VerifiedAssertion(counter, authData.UserVerified, authData.BackupEligible, authData.BackedUp, suspicious);
    }

    /// <summary>Steps 2–3: <c>type</c> is <c>public-key</c>; <c>id</c> and <c>rawId</c> are the same base64url bytes.</summary>
    private static (byte[] RawId, JsonElement Response) Envelope(JsonElement credential)
    {
        if (credential.ValueKind != JsonValueKind.Object)
        {
            throw WebAuthnCheckFailed.At("credential.type", "the credential is not a JSON object");
        }

        if (OptionalString(credential, "type") != "public-key")
        {
            throw WebAuthnCheckFailed.At("credential.type", "type is not 'public-key'");
        }

        if (!Base64UrlStrict.TryDecode(OptionalString(credential, "rawId"), out var rawId) || rawId.Length == 0
            || !Base64UrlStrict.TryDecode(OptionalString(credential, "id"), out var id) || !id.AsSpan().SequenceEqual(rawId))
        {
            throw WebAuthnCheckFailed.At("credential.id", "id and rawId are missing, not base64url, or differ");
        }

        if (!credential.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object)
        {
            throw WebAuthnCheckFailed.At("credential.response", "the credential has no response object");
        }

        return (rawId, response);
    }

    private static void CheckClientData(ClientData clientData, string type, byte[] challenge, RelyingParty rp)
    {
        if (!string.Equals(clientData.Type, type, StringComparison.Ordinal))
        {
            throw WebAuthnCheckFailed.At("clientData.type", $"clientData type '{clientData.Type}', expected '{type}'");
        }

        if (!CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(clientData.Challenge),
                System.Text.Encoding.UTF8.GetBytes(Base64UrlStrict.Encode(challenge))))
        {
            throw WebAuthnCheckFailed.At("clientData.challenge", "the challenge is not the one issued");
        }

        if (!rp.Origins.Contains(clientData.Origin, StringComparer.Ordinal))
        {
            throw WebAuthnCheckFailed.At("clientData.origin", $"origin '{clientData.Origin}' is not allowed");
        }

        if ((clientData.CrossOrigin || clientData.TopOrigin is not null) && !rp.AllowCrossOrigin)
        {
            throw WebAuthnCheckFailed.At("clientData.crossOrigin", "a cross-origin (framed) ceremony is not allowed");
        }

        if (clientData.TopOrigin is not null && !(rp.TopOrigins ?? []).Contains(clientData.TopOrigin, StringComparer.Ordinal))
        {
            throw WebAuthnCheckFailed.At("clientData.topOrigin", $"top origin '{clientData.TopOrigin}' is not allowed");
        }

        if (clientData.TokenBindingStatus is not null and not ("supported" or "not-supported"))
        {
            throw WebAuthnCheckFailed.At("clientData.tokenBinding", $"token binding status '{clientData.TokenBindingStatus}' is not supported");
        }
    }

    private static void CheckRpIdHash(AuthenticatorData authData, string rpId)
    {
        if (!authData.RpIdHash.SequenceEqual(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(rpId))))
        {
            throw WebAuthnCheckFailed.At("authData.rpIdHash", "rpIdHash is not SHA-256 of the RP ID");
        }
    }

    private static void CheckUvAndBackup(AuthenticatorData authData, bool requireUserVerification)
    {
        if (requireUserVerification && !authData.UserVerified)
        {
            throw WebAuthnCheckFailed.At("authData.flags.UV", "user verification (UV) is required but not set");
        }

        if (authData.BackedUp && !authData.BackupEligible)
        {
            throw WebAuthnCheckFailed.At("authData.flags.BS", "backup state (BS) set without backup eligibility (BE)");
        }
    }

    private static (string Fmt, byte[] AuthData, ReadOnlyMemory<byte> AttStmt) ReadAttestationObject(byte[] bytes)
    {
        string? fmt = null;
        byte[]? authData = null;
        ReadOnlyMemory<byte>? attStmt = null;
        try
        {
            var reader = new CborReader(bytes, CborConformanceMode.Strict);
            reader.ReadStartMap();
            while (reader.PeekState() != CborReaderState.EndMap)
            {
                var key = reader.PeekState() == CborReaderState.TextString ? reader.ReadTextString() : throw WebAuthnCheckFailed.At("attestationObject", "a key is not text");
                switch (key)
                {
                    case "fmt" when reader.PeekState() == CborReaderState.TextString:
                        fmt = reader.ReadTextString();
                        break;
                    case "authData" when reader.PeekState() == CborReaderState.ByteString:
                        authData = reader.ReadByteString();
                        break;
                    case "attStmt" when reader.PeekState() == CborReaderState.StartMap:
                        attStmt = reader.ReadEncodedValue();
                        break;
                    default:
                        throw WebAuthnCheckFailed.At("attestationObject", $"unexpected or mistyped member '{key}'");
                }
            }

            reader.ReadEndMap();
            if (reader.BytesRemaining != 0)
            {
                throw WebAuthnCheckFailed.At("attestationObject", "bytes follow the attestation object");
            }
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw WebAuthnCheckFailed.At("attestationObject", "the attestation object is not well-formed CBOR: " + ex.Message);
        }

        return fmt is null || authData is null || attStmt is null
            ? throw WebAuthnCheckFailed.At("attestationObject", "fmt, authData and attStmt are all required")
            : (fmt, authData, attStmt.Value);
    }

    private static byte[] Binary(JsonElement response, string name, string check) =>
        Base64UrlStrict.TryDecode(OptionalString(response, name), out var bytes) && bytes.Length > 0
            ? bytes
            : throw WebAuthnCheckFailed.At(check, $"response.{name} is missing or not base64url");

    /// <summary>
    /// An empty string is treated as absent (Safari has sent <c>""</c> for null). The handle is unsigned and
    /// only ever compared with the stored one, so text that is not base64url is kept as its UTF-8 bytes:
    /// it can never equal a stored handle by accident, and a client that sends one (a SimpleWebAuthn
    /// capture does) still signs in when the account was identified without it.
    /// </summary>
    private static byte[]? UserHandle(JsonElement response)
    {
        var text = OptionalString(response, "userHandle");
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return Base64UrlStrict.TryDecode(text, out var bytes) && bytes.Length > 0 ? bytes : System.Text.Encoding.UTF8.GetBytes(text);
    }

    private static List<string> Transports(JsonElement response)
    {
        var transports = new List<string>();
        if (response.TryGetProperty("transports", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { } t && KnownTransports.Contains(t) && !transports.Contains(t))
                {
                    transports.Add(t);
                }
            }
        }

        return transports;
    }

    private static bool IsMalformedInput(Exception ex) =>
        ex is CryptographicException or CborContentException or FormatException or InvalidOperationException or ArgumentException or OverflowException or JsonException;

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
