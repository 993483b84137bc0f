using System.Formats.Cbor;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace FullAuth.Infrastructure.Passkeys.WebAuthn;

/// <summary>
/// A COSE_Key (RFC 9052/9053, RFC 8230; spec §5.8.5) turned into a verifying key. Supported: ES256,
/// ES384, ES512 (EC2, uncompressed, on the named curve the algorithm requires), RS256 (RSA ≥ 2048 bits,
/// PKCS#1 v1.5) and EdDSA over Ed25519 (OKP, NSec). <c>alg</c> is required; any other algorithm or a
/// kty/crv that does not fit it is refused.
/// </summary>
internal abstract class CoseKey : IDisposable
{
    public const int ES256 = -7;
    public const int ES384 = -35;
    public const int ES512 = -36;
    public const int EdDSA = -8;
    public const int RS256 = -257;

    private const string Check = "credentialPublicKey";

    protected CoseKey(int algorithm) => Algorithm = algorithm;

    public int Algorithm { get; }

    /// <summary>Verifies <paramref name="signature"/> over <paramref name="data"/> (ES*: ASN.1 DER; RS256 and EdDSA: raw).</summary>
    public abstract bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);

    public void Dispose()
    {
        DisposeKey();
        GC.SuppressFinalize(this);
    }

    protected virtual void DisposeKey()
    {
    }

    public static CoseKey Parse(byte[] cose)
    {
        var fields = ReadMap(cose);
        if (!fields.TryGetValue(3, out var algValue) || algValue is not long alg)
        {
            throw WebAuthnCheckFailed.At(Check, "the COSE key has no integer alg (3)");
        }

        var kty = fields.TryGetValue(1, out var ktyValue) && ktyValue is long k ? k : throw WebAuthnCheckFailed.At(Check, "the COSE key has no integer kty (1)");
        return alg switch
        {
            ES256 => Ec(fields, kty, ES256, 1, ECCurve.NamedCurves.nistP256, 32, HashAlgorithmName.SHA256),
            ES384 => Ec(fields, kty, ES384, 2, ECCurve.NamedCurves.nistP384, 48, HashAlgorithmName.SHA384),
            ES512 => Ec(fields, kty, ES512, 3, ECCurve.NamedCurves.nistP521, 66, HashAlgorithmName.SHA512),
            RS256 => Rsa(fields, kty),
            EdDSA => Ed25519(fields, kty),
            _ => throw WebAuthnCheckFailed.At(Check, $"COSE algorithm {alg} is not supported"),
        };
    }

    private static Dictionary<long, object?> ReadMap(byte[] cose)
    {
        try
        {
            var reader = new CborReader(cose, CborConformanceMode.Strict);
            var fields = new Dictionary<long, object?>();
            reader.ReadStartMap();
            while (reader.PeekState() != CborReaderState.EndMap)
            {
                var key = reader.PeekState() switch
                {
                    CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger => reader.ReadInt64(),
                    _ => throw WebAuthnCheckFailed.At(Check, "a COSE key label is not an integer"),
                };
                fields[key] = reader.PeekState() switch
                {
                    CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger => reader.ReadInt64(),
                    CborReaderState.ByteString => reader.ReadByteString(),
                    CborReaderState.TextString => reader.ReadTextString(),
                    _ => Skip(reader),
                };
            }

            reader.ReadEndMap();
            if (reader.BytesRemaining != 0)
            {
                throw WebAuthnCheckFailed.At(Check, "bytes follow the COSE key");
            }

            return fields;
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw WebAuthnCheckFailed.At(Check, "the COSE key is not a well-formed CBOR map: " + ex.Message);
        }
    }

    private static object? Skip(CborReader reader)
    {
        reader.SkipValue();
        return null;
    }

    private static byte[] Bytes(Dictionary<long, object?> fields, long label, string name) =>
        fields.TryGetValue(label, out var value) && value is byte[] bytes ? bytes : throw WebAuthnCheckFailed.At(Check, $"the COSE key has no byte string {name} ({label})");

    private static EcKey Ec(Dictionary<long, object?> fields, long kty, int alg, long crv, ECCurve curve, int size, HashAlgorithmName hash)
    {
        if (kty != 2)
        {
            throw WebAuthnCheckFailed.At(Check, $"alg {alg} needs kty 2 (EC2), not {kty}");
        }

        if (!fields.TryGetValue(-1, out var crvValue) || crvValue is not long c || c != crv)
        {
            throw WebAuthnCheckFailed.At(Check, $"alg {alg} needs crv {crv}");
        }

        var x = Bytes(fields, -2, "x");
        var y = Bytes(fields, -3, "y");
        if (x.Length != size || y.Length != size)
        {
            throw WebAuthnCheckFailed.At(Check, $"EC coordinates must be {size} bytes each");
        }

        try
        {
            var ecdsa = ECDsa.Create(new ECParameters { Curve = curve, Q = new ECPoint { X = x, Y = y } });
            return new EcKey(alg, ecdsa, hash);
        }
        catch (CryptographicException ex)
        {
            throw WebAuthnCheckFailed.At(Check, "the EC point is not valid on its curve: " + ex.Message);
        }
    }

    private static RsaKey Rsa(Dictionary<long, object?> fields, long kty)
    {
        if (kty != 3)
        {
            throw WebAuthnCheckFailed.At(Check, $"RS256 needs kty 3 (RSA), not {kty}");
        }

        var n = Bytes(fields, -1, "n");
        var e = Bytes(fields, -2, "e");
        var modulus = n.AsSpan().TrimStart((byte)0);
        if (modulus.Length * 8 < 2048 || e.Length is 0 or > 8)
        {
            throw WebAuthnCheckFailed.At(Check, $"the RSA key is malformed or shorter than 2048 bits ({modulus.Length * 8})");
        }

        try
        {
            var rsa = RSA.Create(new RSAParameters { Modulus = modulus.ToArray(), Exponent = e });
            return new RsaKey(rsa);
        }
        catch (CryptographicException ex)
        {
            throw WebAuthnCheckFailed.At(Check, "the RSA key is malformed: " + ex.Message);
        }
    }

    private static Ed25519Key Ed25519(Dictionary<long, object?> fields, long kty)
    {
        if (kty != 1)
        {
            throw WebAuthnCheckFailed.At(Check, $"EdDSA needs kty 1 (OKP), not {kty}");
        }

        if (!fields.TryGetValue(-1, out var crvValue) || crvValue is not long crv || crv != 6)
        {
            throw WebAuthnCheckFailed.At(Check, "EdDSA is supported on crv 6 (Ed25519) only");
        }

        var x = Bytes(fields, -2, "x");
        return new Ed25519Key(Ed25519Key.Import(x, Check));
    }

    private sealed class EcKey(int alg, ECDsa key, HashAlgorithmName hash) : CoseKey(alg)
    {
        public override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
            key.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence);

        protected override void DisposeKey() => key.Dispose();
    }

    private sealed class RsaKey(RSA key) : CoseKey(RS256)
    {
        public override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
            key.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        protected override void DisposeKey() => key.Dispose();
    }

    internal sealed class Ed25519Key(PublicKey key) : CoseKey(EdDSA)
    {
        public static PublicKey Import(ReadOnlySpan<byte> raw, string check)
        {
            if (raw.Length != 32)
            {
                throw WebAuthnCheckFailed.At(check, "an Ed25519 public key is 32 bytes");
            }

            try
            {
                return PublicKey.Import(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey);
            }
            catch (FormatException ex)
            {
                throw WebAuthnCheckFailed.At(check, "the Ed25519 public key is invalid: " + ex.Message);
            }
        }

        public override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
            SignatureAlgorithm.Ed25519.Verify(key, data, signature);
    }
}
