using System.Buffers.Binary;
using System.Formats.Cbor;

namespace FullAuth.Infrastructure.Passkeys.WebAuthn;

/// <summary>
/// Authenticator data (spec §6.1) and, when AT is set, the attested credential data (§6.5.1). Parsing
/// is strict: no trailing bytes, ED means an extensions map follows, a credential id is at most 1023
/// bytes, the COSE key is exactly one CBOR map.
/// </summary>
internal sealed class AuthenticatorData
{
    private const int HeaderLength = 37;
    private const int MaxCredentialIdLength = 1023;

    private AuthenticatorData(byte[] raw)
    {
        Raw = raw;
    }

    public byte[] Raw { get; }

    public ReadOnlySpan<byte> RpIdHash => Raw.AsSpan(0, 32);

    public byte Flags => Raw[32];

    public bool UserPresent => (Flags & 0x01) != 0;

    public bool UserVerified => (Flags & 0x04) != 0;

    public bool BackupEligible => (Flags & 0x08) != 0;

    public bool BackedUp => (Flags & 0x10) != 0;

    public bool HasAttestedCredential => (Flags & 0x40) != 0;

    public bool HasExtensions => (Flags & 0x80) != 0;

    public uint SignCount => BinaryPrimitives.ReadUInt32BigEndian(Raw.AsSpan(33, 4));

    public Guid Aaguid { get; private set; }

    public byte[] CredentialId { get; private set; } = [];

    /// <summary>The COSE_Key bytes exactly as the authenticator wrote them.</summary>
    public byte[] CredentialPublicKey { get; private set; } = [];

    /// <param name="registration">
    /// In a registration, a clear AT flag is left for the AT check to report (the rest is not parsed);
    /// in an assertion, a set AT flag is a parse failure.
    /// </param>
    public static AuthenticatorData Parse(byte[] raw, bool registration)
    {
        if (raw.Length < HeaderLength)
        {
            throw WebAuthnCheckFailed.At("authData.parse", $"authenticator data is {raw.Length} bytes, shorter than {HeaderLength}");
        }

        var data = new AuthenticatorData(raw);
        if (registration && !data.HasAttestedCredential)
        {
            return data;
        }

        if (!registration && data.HasAttestedCredential)
        {
            throw WebAuthnCheckFailed.At("authData.parse", "an assertion's authenticator data has the AT flag set");
        }

        var offset = HeaderLength;
        if (data.HasAttestedCredential)
        {
            if (raw.Length < offset + 18)
            {
                throw WebAuthnCheckFailed.At("authData.parse", "attested credential data is truncated");
            }

            data.Aaguid = new Guid(raw.AsSpan(offset, 16), bigEndian: true);
            var length = BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(offset + 16, 2));
            if (length > MaxCredentialIdLength)
            {
                throw WebAuthnCheckFailed.At("credentialId.length", $"credentialIdLength {length} exceeds {MaxCredentialIdLength}");
            }

            offset += 18;
            if (raw.Length < offset + length)
            {
                throw WebAuthnCheckFailed.At("authData.parse", "the credential id is truncated");
            }

            data.CredentialId = raw.AsSpan(offset, length).ToArray();
            offset += length;
            var keyLength = OneMap(raw, offset, "credentialPublicKey", "the credential public key");
            data.CredentialPublicKey = raw.AsSpan(offset, keyLength).ToArray();
            offset += keyLength;
        }

        if (data.HasExtensions)
        {
            offset += OneMap(raw, offset, "cbor", "the extensions (ED is set)");
        }

        if (offset != raw.Length)
        {
            throw WebAuthnCheckFailed.At("authData.parse", $"{raw.Length - offset} trailing bytes after the authenticator data");
        }

        return data;
    }

    /// <summary>The length of the single, well-formed CBOR map that starts at <paramref name="offset"/>.</summary>
    private static int OneMap(byte[] raw, int offset, string check, string what)
    {
        if (offset >= raw.Length)
        {
            throw WebAuthnCheckFailed.At(check, what + " is missing");
        }

        try
        {
            var reader = new CborReader(raw.AsMemory(offset), CborConformanceMode.Strict, allowMultipleRootLevelValues: true);
            if (reader.PeekState() != CborReaderState.StartMap)
            {
                throw WebAuthnCheckFailed.At(check, what + " is not a CBOR map");
            }

            reader.SkipValue();
            return raw.Length - offset - reader.BytesRemaining;
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or FormatException)
        {
            throw WebAuthnCheckFailed.At(check, what + " is not well-formed CBOR: " + ex.Message);
        }
    }
}
