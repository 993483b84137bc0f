using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FullAuth.Application.Passkeys.Common;

namespace FullAuth.Infrastructure.IntegrationTests.Passkeys;

/// <summary>Turns a corpus fixture (see webauthn-fixtures/README.md, "File format") into the verifier's inputs.</summary>
internal static class FixtureCeremonies
{
    public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Passkeys", "webauthn-fixtures");

    public static JsonObject Load(string relativePath) => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, relativePath)))!.AsObject();

    public static bool IsRegistration(JsonObject fixture) => fixture["ceremony"]!.GetValue<string>() == "registration";

    public static RegistrationCeremony Registration(JsonObject fixture) => new(
        RelyingParty(fixture),
        Bytes(fixture["challenge"]),
        RequireUv(fixture),
        fixture["pubKeyCredParams"]!.AsArray().Select(a => a!.GetValue<int>()).ToList(),
        RequireUserPresence: !(fixture["conditionalCreate"]?.GetValue<bool>() ?? false),
        TrustAnchors: fixture["trustAnchorsDerB64u"]?.AsArray().Select(Bytes).ToList(),
        RequireTrustedAttestation: fixture["requireTrustedAttestation"]?.GetValue<bool>() ?? false);

    public static AssertionCeremony Assertion(JsonObject fixture)
    {
        var stored = fixture["credential"]!;
        return new AssertionCeremony(
            RelyingParty(fixture),
            Bytes(fixture["challenge"]),
            RequireUv(fixture),
            new StoredCredential(
                Bytes(stored["id"]),
                Bytes(stored["publicKey"]),
                stored["signCount"]!.GetValue<uint>(),
                stored["userHandle"] is { } handle ? Bytes(handle) : null,
                stored["backupEligible"]?.GetValue<bool>()),
            fixture["allowCredentials"]?.AsArray().Select(Bytes).ToList() ?? [],
            fixture["userIdentifiedBeforeCeremony"]?.GetValue<bool>() ?? true,
            RejectSignCountRegression: (fixture["signCountPolicy"]?.GetValue<string>() ?? "reject") == "reject");
    }

    public static JsonElement Response(JsonObject fixture) => Element(fixture["response"]!.AsObject());

    public static JsonElement Element(JsonObject response) => JsonDocument.Parse(response.ToJsonString()).RootElement.Clone();

    public static byte[] Bytes(JsonNode? node) => Base64Url.DecodeFromChars(node!.GetValue<string>().TrimEnd('='));

    private static RelyingParty RelyingParty(JsonObject fixture)
    {
        var rp = fixture["rp"]!;
        return new RelyingParty(
            rp["id"]!.GetValue<string>(),
            rp["origins"]!.AsArray().Select(o => o!.GetValue<string>()).ToList(),
            rp["allowCrossOrigin"]?.GetValue<bool>() ?? false,
            rp["topOrigins"]?.AsArray().Select(o => o!.GetValue<string>()).ToList() ?? []);
    }

    private static bool RequireUv(JsonObject fixture) => fixture["userVerification"]?.GetValue<string>() == "required";
}
