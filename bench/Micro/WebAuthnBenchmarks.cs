using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using FullAuth.Api.FunctionalTests.Passkeys;
using FullAuth.Application.Passkeys.Common;
using FullAuth.Infrastructure.Passkeys.WebAuthn;

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
        // The tests' software authenticator signs a real assertion for the chosen algorithm.
        using var authenticator = new SoftAuthenticator(Origin, Algorithm switch { "ES256" => -7, "RS256" => -257, _ => -8 })
        {
            UserHandle = RandomNumberGenerator.GetBytes(32),
            Counter = 6,
        };
        var challenge = RandomNumberGenerator.GetBytes(32);
        var assertion = authenticator.Assert(new JsonObject { ["challenge"] = Base64Url.EncodeToString(challenge), ["rpId"] = RpId });
        _credential = JsonDocument.Parse(assertion.ToJsonString()).RootElement.Clone();
        _ceremony = new AssertionCeremony(
            new RelyingParty(RpId, [Origin]),
            challenge,
            RequireUserVerification: true,
            new StoredCredential(authenticator.CredentialId, authenticator.PublicKeyCose(), 6, authenticator.UserHandle, BackupEligible: false),
            AllowCredentials: [],
            UserIdentified: false);
        var check = _verifier.VerifyAssertion(_credential, _ceremony);
        if (!check.Succeeded)
        {
            throw new InvalidOperationException("The benchmark assertion does not verify: " + check);
        }
    }

    [Benchmark]
    public bool VerifyAssertion() => _verifier.VerifyAssertion(_credential, _ceremony).Succeeded;
}
