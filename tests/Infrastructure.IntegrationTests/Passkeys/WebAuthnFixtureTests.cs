using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FullAuth.Application.Passkeys.Common;
using FullAuth.Infrastructure.Passkeys.WebAuthn;
using Microsoft.Extensions.Time.Testing;

namespace FullAuth.Infrastructure.IntegrationTests.Passkeys;

/// <summary>
/// Every fixture and variant of the WebAuthn corpus (<c>Passkeys/webauthn-fixtures</c>, see its README)
/// through the verifier: each must give its expected outcome, and a failure must fail at the expected
/// check. Attestation chains are checked at a pinned time (2026-01-01) as the README advises.
/// </summary>
public sealed class WebAuthnFixtureTests
{
    private static readonly string Root = FixtureCeremonies.Root;

    private readonly WebAuthnVerifier _verifier = new(new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Root, file);
            cases.Add(relative, string.Empty);
            var fixture = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var variant in fixture["variants"]?.AsArray() ?? [])
            {
                cases.Add(relative, variant!["name"]!.GetValue<string>());
            }
        }

        return cases;
    }

    [Fact]
    public void Corpus_IsComplete_120FilesAnd138Cases()
    {
        Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories).Should().HaveCount(120);
        Cases().Should().HaveCount(138);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_GivesItsExpectedOutcome(string file, string variant)
    {
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, file)))!.AsObject();
        var expected = fixture["expected"]!.AsObject();
        if (variant.Length > 0)
        {
            var entry = fixture["variants"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == variant)!;
            Merge(fixture, entry["override"]!.AsObject());
            expected = entry["expected"]!.AsObject();
        }

        var (check, actual) = fixture["ceremony"]!.GetValue<string>() == "registration" ? Register(fixture) : Authenticate(fixture);

        if (expected["outcome"]!.GetValue<string>() == "success")
        {
            check.Should().BeNull("the fixture expects success");
            foreach (var (name, value) in expected)
            {
                if (name != "outcome")
                {
                    JsonNode.DeepEquals(actual![name], value).Should().BeTrue($"{name} should be {value?.ToJsonString()}, was {actual![name]?.ToJsonString()}");
                }
            }
        }
        else
        {
            check.Should().Be(expected["check"]!.GetValue<string>());
        }
    }

    private (string? Check, JsonObject? Actual) Register(JsonObject fixture)
    {
        var ceremony = FixtureCeremonies.Registration(fixture);
        var outcome = _verifier.VerifyRegistration(Response(fixture), ceremony);
        if (!outcome.Succeeded)
        {
            return (outcome.FailedCheck, null);
        }

        // The relying party refuses an id registered to anyone (the handler's duplicate check).
        var registered = outcome.Value!;
        if (fixture["alreadyRegisteredCredentialIds"]?.AsArray().Select(Bytes).Any(id => id.AsSpan().SequenceEqual(registered.CredentialId)) == true)
        {
            return ("credential.duplicate", null);
        }

        return (null, new JsonObject
        {
            ["fmt"] = registered.Format,
            ["attestationType"] = registered.AttestationType,
            ["credentialId"] = Base64Url.EncodeToString(registered.CredentialId),
            ["credentialPublicKey"] = Base64Url.EncodeToString(registered.PublicKey),
            ["alg"] = registered.Algorithm,
            ["signCount"] = registered.SignCount,
            ["flags"] = new JsonObject { ["UV"] = registered.UserVerified, ["BE"] = registered.BackupEligible, ["BS"] = registered.BackedUp },
            ["aaguid"] = Convert.ToHexStringLower(registered.Aaguid.ToByteArray(bigEndian: true)),
        });
    }

    private (string? Check, JsonObject? Actual) Authenticate(JsonObject fixture)
    {
        var ceremony = FixtureCeremonies.Assertion(fixture);
        var outcome = _verifier.VerifyAssertion(Response(fixture), ceremony);
        if (!outcome.Succeeded)
        {
            return (outcome.FailedCheck, null);
        }

        var asserted = outcome.Value!;
        var actual = new JsonObject
        {
            ["newSignCount"] = asserted.SignCount,
            ["flags"] = new JsonObject { ["UV"] = asserted.UserVerified, ["BE"] = asserted.BackupEligible, ["BS"] = asserted.BackedUp },
        };
        if (asserted.SignCountSuspicious)
        {
            actual["signCountSuspicious"] = true;
        }

        return (null, actual);
    }

    private static JsonElement Response(JsonObject fixture) => FixtureCeremonies.Response(fixture);

    private static byte[] Bytes(JsonNode? node) => FixtureCeremonies.Bytes(node);

    /// <summary>The README's deep merge: objects merge key by key, everything else is replaced.</summary>
    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is JsonObject child && target[name] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }
    }
}
