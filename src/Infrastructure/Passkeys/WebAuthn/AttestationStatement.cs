using System.Formats.Asn1;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NSec.Cryptography;

namespace FullAuth.Infrastructure.Passkeys.WebAuthn;

/// <summary>
/// The attestation formats this relying party verifies: <c>none</c> (spec §8.7) and <c>packed</c>
/// (§8.2, self and x5c). Any other <c>fmt</c> (compared case-sensitively) is refused as unsupported.
/// The result is the attestation type as the fixture corpus names it.
/// </summary>
internal static class AttestationStatement
{
    public const string NoTrustAnchors = "Basic/AttCA (no trust anchors configured)";
    public const string Untrusted = "Basic/AttCA (untrusted)";

    private const string AaguidExtensionOid = "1.3.6.1.4.1.45724.1.1.4";

    public static string Verify(
        string fmt,
        ReadOnlyMemory<byte> attStmt,
        AuthenticatorData authData,
        byte[] clientDataHash,
        CoseKey credentialKey,
        Application.Passkeys.Common.RegistrationCeremony ceremony,
        DateTimeOffset now)
    {
        switch (fmt)
        {
            case "none":
                if (!IsEmptyMap(attStmt))
                {
                    throw WebAuthnCheckFailed.At("attStmt.none", "fmt none with a non-empty attStmt");
                }

                return "None";
            case "packed":
                return Packed(attStmt, authData, clientDataHash, credentialKey, ceremony, now);
            default:
                throw WebAuthnCheckFailed.At("fmt.unsupported", $"attestation format '{fmt}' is not supported (none, packed)");
        }
    }

    private static bool IsEmptyMap(ReadOnlyMemory<byte> attStmt)
    {
        var reader = new CborReader(attStmt, CborConformanceMode.Strict);
        return reader.PeekState() == CborReaderState.StartMap && reader.ReadStartMap() is 0 or null && reader.PeekState() == CborReaderState.EndMap;
    }

    private static string Packed(
        ReadOnlyMemory<byte> attStmt,
        AuthenticatorData authData,
        byte[] clientDataHash,
        CoseKey credentialKey,
        Application.Passkeys.Common.RegistrationCeremony ceremony,
        DateTimeOffset now)
    {
        long? alg = null;
        byte[]? sig = null;
        List<byte[]>? x5c = null;
        try
        {
            var reader = new CborReader(attStmt, CborConformanceMode.Strict);
            reader.ReadStartMap();
            while (reader.PeekState() != CborReaderState.EndMap)
            {
                var key = reader.PeekState() == CborReaderState.TextString ? reader.ReadTextString() : throw WebAuthnCheckFailed.At("attStmt.packed", "a packed attStmt key is not text");
                switch (key)
                {
                    case "alg" when reader.PeekState() is CborReaderState.NegativeInteger or CborReaderState.UnsignedInteger:
                        alg = reader.ReadInt64();
                        break;
                    case "sig" when reader.PeekState() == CborReaderState.ByteString:
                        sig = reader.ReadByteString();
                        break;
                    case "x5c" when reader.PeekState() == CborReaderState.StartArray:
                        x5c = [];
                        reader.ReadStartArray();
                        while (reader.PeekState() != CborReaderState.EndArray)
                        {
                            x5c.Add(reader.PeekState() == CborReaderState.ByteString ? reader.ReadByteString() : throw WebAuthnCheckFailed.At("attStmt.packed", "x5c holds a non-bytes item"));
                        }

                        reader.ReadEndArray();
                        break;
                    default:
                        throw WebAuthnCheckFailed.At("attStmt.packed", $"unexpected or mistyped packed attStmt member '{key}'");
                }
            }

            reader.ReadEndMap();
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw WebAuthnCheckFailed.At("attStmt.packed", "the packed attStmt is malformed: " + ex.Message);
        }

        if (alg is null || sig is null)
        {
            throw WebAuthnCheckFailed.At("attStmt.packed", "a packed attStmt needs alg and sig");
        }

        var signed = Concat(authData.Raw, clientDataHash);
        if (x5c is null)
        {
            if (alg != credentialKey.Algorithm)
            {
                throw WebAuthnCheckFailed.At("attStmt.packed.alg", $"self attestation alg {alg} differs from the credential's {credentialKey.Algorithm}");
            }

            if (!credentialKey.Verify(signed, sig))
            {
                throw WebAuthnCheckFailed.At("signature", "the self-attestation signature does not verify");
            }

            return "Self";
        }

        if (x5c.Count == 0)
        {
            throw WebAuthnCheckFailed.At("attStmt.packed", "x5c is empty");
        }

        var chain = new List<X509Certificate2>();
        try
        {
            foreach (var der in x5c)
            {
                chain.Add(X509CertificateLoader.LoadCertificate(der));
            }
        }
        catch (CryptographicException ex)
        {
            Dispose(chain);
            throw WebAuthnCheckFailed.At("attStmt.packed.cert", "an x5c certificate does not parse: " + ex.Message);
        }

        try
        {
            var certificate = chain[0];
            if (!VerifyWithCertificate(certificate, alg.Value, signed, sig))
            {
                throw WebAuthnCheckFailed.At("signature", "the attestation signature does not verify with x5c[0]");
            }

            try
            {
                CheckCertificate(certificate, authData.Aaguid);
                return Trust(chain, ceremony, now);
            }
            catch (CryptographicException ex)
            {
                throw WebAuthnCheckFailed.At("attStmt.packed.cert", "an x5c certificate is malformed: " + ex.Message);
            }
        }
        finally
        {
            Dispose(chain);
        }
    }

    private static bool VerifyWithCertificate(X509Certificate2 certificate, long alg, byte[] signed, byte[] sig)
    {
        try
        {
            switch (alg)
            {
                case CoseKey.ES256 or CoseKey.ES384 or CoseKey.ES512:
                    using (var ecdsa = certificate.GetECDsaPublicKey())
                    {
                        var hash = alg switch { CoseKey.ES256 => HashAlgorithmName.SHA256, CoseKey.ES384 => HashAlgorithmName.SHA384, _ => HashAlgorithmName.SHA512 };
                        return ecdsa is not null && ecdsa.VerifyData(signed, sig, hash, DSASignatureFormat.Rfc3279DerSequence);
                    }

                case CoseKey.RS256:
                    using (var rsa = certificate.GetRSAPublicKey())
                    {
                        return rsa is not null && rsa.VerifyData(signed, sig, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                    }

                case CoseKey.EdDSA:
                    if (certificate.PublicKey.Oid.Value != "1.3.101.112")
                    {
                        return false;
                    }

                    var key = CoseKey.Ed25519Key.Import(certificate.PublicKey.EncodedKeyValue.RawData, "attStmt.packed.cert");
                    return SignatureAlgorithm.Ed25519.Verify(key, signed, sig);
                default:
                    throw WebAuthnCheckFailed.At("attStmt.packed.alg", $"attestation alg {alg} is not supported");
            }
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Spec §8.2.1: version 3; subject C, O, OU = "Authenticator Attestation", CN; not a CA; the AAGUID extension, if present, matches.</summary>
    private static void CheckCertificate(X509Certificate2 certificate, Guid aaguid)
    {
        if (certificate.Version != 3)
        {
            throw WebAuthnCheckFailed.At("attStmt.packed.cert", $"the attestation certificate is version {certificate.Version}, not 3");
        }

        var subject = new Dictionary<string, string>();
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (!rdn.HasMultipleElements && rdn.GetSingleElementValue() is { } value)
            {
                subject[rdn.GetSingleElementType().Value ?? string.Empty] = value;
            }
        }

        if (!subject.ContainsKey("2.5.4.6") || !subject.ContainsKey("2.5.4.10") || !subject.ContainsKey("2.5.4.3")
            || !subject.TryGetValue("2.5.4.11", out var unit) || unit != "Authenticator Attestation")
        {
            throw WebAuthnCheckFailed.At("attStmt.packed.cert", "the attestation certificate's subject lacks C, O, CN or OU=Authenticator Attestation");
        }

        var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        if (constraints is null || constraints.CertificateAuthority)
        {
            throw WebAuthnCheckFailed.At("attStmt.packed.cert", "the attestation certificate must have basic constraints with CA=false");
        }

        var extension = certificate.Extensions[AaguidExtensionOid];
        if (extension is null)
        {
            return;
        }

        if (extension.Critical)
        {
            throw WebAuthnCheckFailed.At("attStmt.packed.cert", "the AAGUID extension must not be critical");
        }

        try
        {
            var value = AsnDecoder.ReadOctetString(extension.RawData, AsnEncodingRules.DER, out var consumed);
            if (consumed != extension.RawData.Length || value.Length != 16 || new Guid(value, bigEndian: true) != aaguid)
            {
                throw WebAuthnCheckFailed.At("attStmt.packed.cert", "the certificate's AAGUID differs from the authenticator data's");
            }
        }
        catch (AsnContentException ex)
        {
            throw WebAuthnCheckFailed.At("attStmt.packed.cert", "the AAGUID extension is malformed: " + ex.Message);
        }
    }

    /// <summary>Chains x5c to the configured anchors only; a root shipped inside x5c is never trusted.</summary>
    private static string Trust(List<X509Certificate2> x5c, Application.Passkeys.Common.RegistrationCeremony ceremony, DateTimeOffset now)
    {
        var anchors = ceremony.TrustAnchors;
        if (anchors is null)
        {
            return ceremony.RequireTrustedAttestation
                ? throw WebAuthnCheckFailed.At("attStmt.trust", "trusted attestation is required but no trust store is configured")
                : NoTrustAnchors;
        }

        var roots = new List<X509Certificate2>();
        try
        {
            foreach (var der in anchors)
            {
                roots.Add(X509CertificateLoader.LoadCertificate(der));
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
            chain.ChainPolicy.ExtraStore.AddRange(x5c.Skip(1).ToArray());
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = now.UtcDateTime;
            chain.ChainPolicy.VerificationTimeIgnored = false;
            if (chain.Build(x5c[0]))
            {
                return "Basic/AttCA";
            }

            var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status));
            return ceremony.RequireTrustedAttestation
                ? throw WebAuthnCheckFailed.At("attStmt.trust", "the attestation chain does not reach a configured anchor: " + status)
                : Untrusted;
        }
        finally
        {
            Dispose(roots);
        }
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        var result = new byte[a.Length + b.Length];
        a.CopyTo(result, 0);
        b.CopyTo(result, a.Length);
        return result;
    }

    private static void Dispose(List<X509Certificate2> certificates)
    {
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }
    }
}
