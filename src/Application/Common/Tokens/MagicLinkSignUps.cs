using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Security;

namespace FullAuth.Application.Common.Tokens;

/// <summary>
/// Magic links for addresses without an account (<c>MagicLinks:AllowSignUp</c>). There is no user to
/// bind a stored one-time token to, so the token's digest lives in the challenge store (memory or
/// Redis) with the address and <c>remember_me</c>, for the magic-link lifetime; taking it is atomic,
/// so it works once even under concurrent submits.
/// </summary>
public static class MagicLinkSignUps
{
    private const string KeyPrefix = "magic-signup:";

    /// <summary>What a sign-up link was issued for.</summary>
    public sealed record Pending(string Email, bool RememberMe);

    /// <summary>A new raw token (to mail) for <paramref name="email"/>.</summary>
    public static async Task<string> IssueAsync(IChallengeStore store, string email, bool rememberMe, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var raw = OpaqueToken.Create(24);
        await store.SetAsync(KeyPrefix + OpaqueToken.Digest(raw), (rememberMe ? "1" : "0") + email, lifetime, cancellationToken);
        return raw;
    }

    /// <summary>Takes the pending sign-up for <paramref name="rawToken"/>; null when unknown, expired or already taken.</summary>
    public static async Task<Pending?> TakeAsync(IChallengeStore store, string rawToken, CancellationToken cancellationToken)
    {
        var value = await store.TakeAsync(KeyPrefix + OpaqueToken.Digest(rawToken), cancellationToken);
        return value is { Length: > 1 } && value[0] is '0' or '1'
            ? new Pending(value[1..], value[0] == '1')
            : null;
    }
}
