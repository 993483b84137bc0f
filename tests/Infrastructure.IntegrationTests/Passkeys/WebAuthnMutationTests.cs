using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FullAuth.Application.Passkeys.Common;
using FullAuth.Infrastructure.Passkeys.WebAuthn;

namespace FullAuth.Infrastructure.IntegrationTests.Passkeys;

/// <summary>
/// Seeded mutation of real responses: random byte flips, truncations and extensions of each binary
/// member of valid registration and authentication fixtures. The verifier must always answer with an
/// outcome (never throw), and a flipped byte of an assertion's signed data must never verify.
/// </summary>
public sealed class WebAuthnMutationTests
{
    private static readonly WebAuthnVerifier Verifier = new(TimeProvider.System);

    public static TheoryData<string> ValidFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in new[]
                 {
                     "w3c-test-vectors/w3c-none-es256-registration.json", "w3c-test-vectors/w3c-packed-es256-registration.json",
                     "chromium-virtual-authenticator/chromium-rs256-none-registration.json", "chromium-virtual-authenticator/chromium-eddsa-none-authentication-1.json",
                     "w3c-test-vectors/w3c-none-es256-authentication.json", "w3c-test-vectors/w3c-packed-rs256-authentication.json",
                 })
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void MutatedResponses_NeverThrow_AndSignedBytesNeverVerifyAfterAFlip(string file)
    {
        var fixture = FixtureCeremonies.Load(file);
        var registration = FixtureCeremonies.IsRegistration(fixture);
        var members = registration ? new[] { "clientDataJSON", "attestationObject" } : ["clientDataJSON", "authenticatorData", "signature", "userHandle"];
        Verify(fixture, fixture["response"]!.AsObject()).Should().BeNull("the unmutated fixture verifies");

        var random = new Random(20261124);
        for (var i = 0; i < 3000; i++)
        {
            var response = fixture["response"]!.DeepClone().AsObject();
            var member = members[random.Next(members.Length)];
            var inner = response["response"]!.AsObject();
            if (inner[member] is null)
            {
                continue;
            }

            var bytes = Base64Url.DecodeFromChars(inner[member]!.GetValue<string>().TrimEnd('='));
            var (mutated, kind) = Mutate(random, bytes);
            inner[member] = Base64Url.EncodeToString(mutated);

            var act = () => Verify(fixture, response);
            var check = act.Should().NotThrow($"{file}: {kind} of {member} must fail cleanly").Subject;
            // An assertion signs authenticatorData and the hash of clientDataJSON: any flip there (or in the
            // signature) must fail. A registration with attestation none signs nothing, so some flips in
            // it (an unknown clientData member's name, the AAGUID) legitimately still verify.
            if (!registration && kind == "flip" && member is "authenticatorData" or "signature" or "clientDataJSON")
            {
                check.Should().NotBeNull($"{file}: a flipped byte in {member} must not verify");
            }
        }
    }

    private static (byte[] Bytes, string Kind) Mutate(Random random, byte[] bytes)
    {
        switch (random.Next(3))
        {
            case 0 when bytes.Length > 0:
                var flipped = (byte[])bytes.Clone();
                flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                return (flipped, "flip");
            case 1 when bytes.Length > 1:
                return (bytes[..random.Next(bytes.Length)], "truncation");
            default:
                var extra = new byte[random.Next(1, 9)];
                random.NextBytes(extra);
                return ([.. bytes, .. extra], "extension");
        }
    }

    /// <summary>The failed check, or null when the (possibly mutated) response verifies.</summary>
    private static string? Verify(JsonObject fixture, JsonObject response) =>
        FixtureCeremonies.IsRegistration(fixture)
            ? Verifier.VerifyRegistration(FixtureCeremonies.Element(response), FixtureCeremonies.Registration(fixture)).FailedCheck
            : Verifier.VerifyAssertion(FixtureCeremonies.Element(response), FixtureCeremonies.Assertion(fixture)).FailedCheck;
}
