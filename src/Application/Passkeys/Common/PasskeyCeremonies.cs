using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using FullAuth.Application.Common.Interfaces;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Passkeys.Common;

/// <summary>What a begin stored for its complete: the challenge and what it is bound to.</summary>
/// <param name="UserId">Registration: the account the credential will belong to.</param>
/// <param name="UserHandle">Registration: the account's WebAuthn user handle (base64url).</param>
/// <param name="Email">Authentication with an email: only that account's credentials are accepted.</param>
/// <param name="AllowCredentials">Authentication: the ids sent in <c>allowCredentials</c> (base64url).</param>
public sealed record PasskeyCeremony(
    string Type,
    string Challenge,
    string? UserId = null,
    string? UserHandle = null,
    string? Email = null,
    bool RememberMe = false,
    IReadOnlyList<string>? AllowCredentials = null)
{
    public const string Create = "create";
    public const string Get = "get";

    public byte[] ChallengeBytes => Base64Url.DecodeFromChars(Challenge);
}

/// <summary>
/// Challenges: 32 random bytes, stored in the challenge store (memory or Redis) under the ceremony
/// type and the challenge, for <c>Passkeys:ChallengeLifetime</c>. A complete takes the entry named by
/// the challenge its <c>clientDataJSON</c> carries: single use, whether the verification then
/// succeeds or not, and a <c>get</c> challenge can never complete a <c>create</c>.
/// </summary>
public sealed class PasskeyCeremonies(IChallengeStore store, IOptions<PasskeyOptions> options)
{
    public const int ChallengeBytes = 32;

    /// <summary>A longer "challenge" is not one of ours: it is not even looked up.</summary>
    private const int MaxChallengeLength = 128;

    public static string NewChallenge() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ChallengeBytes));

    public async ValueTask StoreAsync(PasskeyCeremony ceremony, CancellationToken cancellationToken) =>
        await store.SetAsync(Key(ceremony.Type, ceremony.Challenge), JsonSerializer.Serialize(ceremony), options.Value.ChallengeLifetime, cancellationToken);

    /// <summary>Takes (consumes) the ceremony of this type that issued <paramref name="challenge"/>; null when unknown, expired or used.</summary>
    public async ValueTask<PasskeyCeremony?> TakeAsync(string type, string challenge, CancellationToken cancellationToken)
    {
        if (challenge.Length is 0 or > MaxChallengeLength)
        {
            return null;
        }

        var stored = await store.TakeAsync(Key(type, challenge), cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var ceremony = JsonSerializer.Deserialize<PasskeyCeremony>(stored);
        return ceremony is not null && ceremony.Type == type && string.Equals(ceremony.Challenge, challenge, StringComparison.Ordinal) ? ceremony : null;
    }

    /// <summary>The challenge is hashed into the key: store keys never carry client-chosen text.</summary>
    private static string Key(string type, string challenge) =>
        $"passkey:{type}:{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(challenge)))}";
}
