using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FullAuth.Api.FunctionalTests.Passkeys;

/// <summary>
/// A software WebAuthn authenticator plus client for API tests: it answers the server's options JSON
/// with what a browser's <c>credential.toJSON()</c> would send (fmt none; ES256, RS256 or EdDSA), signing real
/// assertions. Knobs flip single facts (origin, UV, counter) so each server check can be hit. The real
/// browser path is covered by the Chromium E2E tests.
/// </summary>
public sealed class SoftAuthenticator : IDisposable
{
    private readonly ECDsa? _ec;
    private readonly RSA? _rsa;
    private readonly NSec.Cryptography.Key? _ed;

    public SoftAuthenticator(string origin, int algorithm = -7)
    {
        Origin = origin;
        Algorithm = algorithm;
        switch (algorithm)
        {
            case -7:
                _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                break;
            case -257:
                _rsa = RSA.Create(2048);
                break;
            case -8:
                _ed = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "ES256 (-7), RS256 (-257) or EdDSA (-8)");
        }
    }

    public string Origin { get; set; }

    public int Algorithm { get; }

    public byte[] CredentialId { get; set; } = RandomNumberGenerator.GetBytes(16);

    public byte[]? UserHandle { get; set; }

    public uint Counter { get; set; }

    /// <summary>False: the counter stays 0 forever, as most synced passkeys report it.</summary>
    public bool Counts { get; set; } = true;

    /// <summary>Set the UV flag in what it signs.</summary>
    public bool UserVerified { get; set; } = true;

    public string CredentialIdText => Base64Url.EncodeToString(CredentialId);

    /// <summary>Answers <c>PublicKeyCredentialCreationOptionsJSON</c> with a <c>RegistrationResponseJSON</c>.</summary>
    public JsonObject Register(JsonObject options, string? type = "webauthn.create")
    {
        UserHandle = Base64Url.DecodeFromChars(options["user"]!["id"]!.GetValue<string>());
        var clientData = ClientData(type!, options["challenge"]!.GetValue<string>());
        var authData = AuthData(options["rp"]!["id"]!.GetValue<string>(), attested: true);

        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(3);
        writer.WriteTextString("fmt");
        writer.WriteTextString("none");
        writer.WriteTextString("attStmt");
        writer.WriteStartMap(0);
        writer.WriteEndMap();
        writer.WriteTextString("authData");
        writer.WriteByteString(authData);
        writer.WriteEndMap();

        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["attestationObject"] = Base64Url.EncodeToString(writer.Encode()),
            ["transports"] = new JsonArray("internal", "hybrid"),
        });
    }

    /// <summary>Answers <c>PublicKeyCredentialRequestOptionsJSON</c> with an <c>AuthenticationResponseJSON</c>; the counter goes up first.</summary>
    public JsonObject Assert(JsonObject options, string? rpId = null)
    {
        if (Counts)
        {
            Counter++;
        }
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>());
        var authData = AuthData(rpId ?? options["rpId"]!.GetValue<string>(), attested: false);
        var signed = authData.Concat(SHA256.HashData(clientData)).ToArray();
        var signature = _ec is not null ? _ec.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            : _rsa is not null ? _rsa.SignData(signed, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : NSec.Cryptography.SignatureAlgorithm.Ed25519.Sign(_ed!, signed);

        var response = new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["authenticatorData"] = Base64Url.EncodeToString(authData),
            ["signature"] = Base64Url.EncodeToString(signature),
        };
        if (UserHandle is not null)
        {
            response["userHandle"] = Base64Url.EncodeToString(UserHandle);
        }

        return Credential(response);
    }

    public void Dispose()
    {
        _ec?.Dispose();
        _rsa?.Dispose();
        _ed?.Dispose();
    }

    private JsonObject Credential(JsonObject response) => new()
    {
        ["id"] = CredentialIdText,
        ["rawId"] = CredentialIdText,
        ["type"] = "public-key",
        ["authenticatorAttachment"] = "platform",
        ["clientExtensionResults"] = new JsonObject(),
        ["response"] = response,
    };

    private byte[] ClientData(string type, string challenge) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["type"] = type, ["challenge"] = challenge, ["origin"] = Origin, ["crossOrigin"] = false }.ToJsonString());

    private byte[] AuthData(string rpId, bool attested)
    {
        var data = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)));
        data.Add((byte)(0x01 | (UserVerified ? 0x04 : 0) | (attested ? 0x40 : 0)));
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, Counter);
        data.AddRange(counter);
        if (attested)
        {
            data.AddRange(new byte[16]);
            data.Add((byte)(CredentialId.Length >> 8));
            data.Add((byte)CredentialId.Length);
            data.AddRange(CredentialId);
            data.AddRange(PublicKeyCose());
        }

        return [.. data];
    }

    /// <summary>The credential public key as a COSE_Key (what the relying party stores).</summary>
    public byte[] PublicKeyCose()
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        if (_ed is not null)
        {
            writer.WriteStartMap(4);
            writer.WriteInt32(1);
            writer.WriteInt32(1);
            writer.WriteInt32(3);
            writer.WriteInt32(-8);
            writer.WriteInt32(-1);
            writer.WriteInt32(6);
            writer.WriteInt32(-2);
            writer.WriteByteString(_ed.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey));
        }
        else if (_ec is not null)
        {
            var p = _ec.ExportParameters(false);
            writer.WriteStartMap(5);
            writer.WriteInt32(1);
            writer.WriteInt32(2);
            writer.WriteInt32(3);
            writer.WriteInt32(-7);
            writer.WriteInt32(-1);
            writer.WriteInt32(1);
            writer.WriteInt32(-2);
            writer.WriteByteString(p.Q.X!);
            writer.WriteInt32(-3);
            writer.WriteByteString(p.Q.Y!);
        }
        else
        {
            var p = _rsa!.ExportParameters(false);
            writer.WriteStartMap(4);
            writer.WriteInt32(1);
            writer.WriteInt32(3);
            writer.WriteInt32(3);
            writer.WriteInt32(-257);
            writer.WriteInt32(-1);
            writer.WriteByteString(p.Modulus!);
            writer.WriteInt32(-2);
            writer.WriteByteString(p.Exponent!);
        }

        writer.WriteEndMap();
        return writer.Encode();
    }
}
