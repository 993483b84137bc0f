using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FullAuth.Application.Passkeys.Common;
using FullAuth.Infrastructure.Passkeys.WebAuthn;
using NSec.Cryptography;

namespace FullAuth.Bench;

/// <summary>
/// The WebAuthn assertion verify of a passkey sign-in (parse the credential JSON, clientDataJSON and
/// authenticator data, decode the stored COSE key, check the signature and the counter) per algorithm.
/// </summary>
[MemoryDiagnoser]
public class WebAuthnBenchmarks
{
    private const string Origin = "https://app.example.com";
    private const string RpId = "example.com";

    private readonly WebAuthnVerifier _verifier = new(TimeProvider.System);
    private JsonElement _credential;
    private AssertionCeremony _ceremony = null!;

    [Params("ES256", "RS256", "EdDSA")]
    public string Algorithm { get; set; } = "ES256";

    [GlobalSetup]
    public void Setup()
    {
        var challenge = RandomNumberGenerator.GetBytes(32);
        var credentialId = RandomNumberGenerator.GetBytes(16);
        var userHandle = RandomNumberGenerator.GetBytes(32);
        var clientData = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type = "webauthn.get", challenge = Base64Url.EncodeToString(challenge), origin = Origin, crossOrigin = false }));
        var authData = SHA256.HashData(Encoding.UTF8.GetBytes(RpId)).Concat(new byte[] { 0x05, 0, 0, 0, 7 }).ToArray();
        var signed = authData.Concat(SHA256.HashData(clientData)).ToArray();
        var (cose, signature) = Sign(signed);

        _credential = JsonSerializer.SerializeToElement(new
        {
            id = Base64Url.EncodeToString(credentialId),
            rawId = Base64Url.EncodeToString(credentialId),
            type = "public-key",
            response = new
            {
                clientDataJSON = Base64Url.EncodeToString(clientData),
                authenticatorData = Base64Url.EncodeToString(authData),
                signature = Base64Url.EncodeToString(signature),
                userHandle = Base64Url.EncodeToString(userHandle),
            },
        });
        _ceremony = new AssertionCeremony(
            new RelyingParty(RpId, [Origin]),
            challenge,
            RequireUserVerification: true,
            new StoredCredential(credentialId, cose, 6, userHandle, BackupEligible: false),
            AllowCredentials: [],
            UserIdentified: false);
        if (!_verifier.VerifyAssertion(_credential, _ceremony).Succeeded)
        {
            throw new InvalidOperationException("The benchmark assertion does not verify: " + _verifier.VerifyAssertion(_credential, _ceremony));
        }
    }

    [Benchmark]
    public bool VerifyAssertion() => _verifier.VerifyAssertion(_credential, _ceremony).Succeeded;

    private (byte[] Cose, byte[] Signature) Sign(byte[] data)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        switch (Algorithm)
        {
            case "ES256":
            {
                using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                var q = key.ExportParameters(false).Q;
                writer.WriteStartMap(5);
                writer.WriteInt32(1);
                writer.WriteInt32(2);
                writer.WriteInt32(3);
                writer.WriteInt32(-7);
                writer.WriteInt32(-1);
                writer.WriteInt32(1);
                writer.WriteInt32(-2);
                writer.WriteByteString(q.X!);
                writer.WriteInt32(-3);
                writer.WriteByteString(q.Y!);
                writer.WriteEndMap();
                return (writer.Encode(), key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            }

            case "RS256":
            {
                using var key = RSA.Create(2048);
                var p = key.ExportParameters(false);
                writer.WriteStartMap(4);
                writer.WriteInt32(1);
                writer.WriteInt32(3);
                writer.WriteInt32(3);
                writer.WriteInt32(-257);
                writer.WriteInt32(-1);
                writer.WriteByteString(p.Modulus!);
                writer.WriteInt32(-2);
                writer.WriteByteString(p.Exponent!);
                writer.WriteEndMap();
                return (writer.Encode(), key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            }

            default:
            {
                using var key = Key.Create(SignatureAlgorithm.Ed25519);
                writer.WriteStartMap(4);
                writer.WriteInt32(1);
                writer.WriteInt32(1);
                writer.WriteInt32(3);
                writer.WriteInt32(-8);
                writer.WriteInt32(-1);
                writer.WriteInt32(6);
                writer.WriteInt32(-2);
                writer.WriteByteString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
                writer.WriteEndMap();
                return (writer.Encode(), SignatureAlgorithm.Ed25519.Sign(key, data));
            }
        }
    }
}
