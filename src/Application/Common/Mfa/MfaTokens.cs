using System.Text.Json;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Security;

namespace FullAuth.Application.Common.Mfa;

/// <summary>What an <c>mfa_token</c> is bound to: the user, the first factor's <c>amr</c> and <c>remember_me</c>.</summary>
public sealed record MfaTicket(string UserId, IReadOnlyList<string> Amr, bool RememberMe, DateTimeOffset ExpiresAt);

/// <summary>
/// <c>mfa_token</c>s: opaque random values kept only as digests in <see cref="IChallengeStore"/>
/// (<c>Stores:Challenges</c>, memory or Redis) for 5 minutes. They are not JWTs, so they can never pass as access tokens.
/// </summary>
public interface IMfaTokens
{
    Task<MfaChallenge> IssueAsync(string userId, IReadOnlyList<string> amr, bool rememberMe, CancellationToken cancellationToken);

    /// <summary>Takes the token (single use); null when unknown, expired or already taken.</summary>
    Task<MfaTicket?> TakeAsync(string token, CancellationToken cancellationToken);

    /// <summary>Puts a taken token back for its remaining lifetime (after a wrong code, the same token may retry).</summary>
    Task ReturnAsync(string token, MfaTicket ticket, CancellationToken cancellationToken);
}

public sealed class MfaTokens(IChallengeStore store, TimeProvider time) : IMfaTokens
{
    public async Task<MfaChallenge> IssueAsync(string userId, IReadOnlyList<string> amr, bool rememberMe, CancellationToken cancellationToken)
    {
        var token = OpaqueToken.Create();
        var ticket = new MfaTicket(userId, amr, rememberMe, time.GetUtcNow() + MfaOptions.TokenLifetime);
        await store.SetAsync(Key(token), Serialize(ticket), MfaOptions.TokenLifetime, cancellationToken);
        return new MfaChallenge(token, (int)MfaOptions.TokenLifetime.TotalSeconds);
    }

    public async Task<MfaTicket?> TakeAsync(string token, CancellationToken cancellationToken)
    {
        var value = await store.TakeAsync(Key(token), cancellationToken);
        if (value is null)
        {
            return null;
        }

        var ticket = Deserialize(value);
        return ticket is not null && ticket.ExpiresAt > time.GetUtcNow() ? ticket : null;
    }

    public async Task ReturnAsync(string token, MfaTicket ticket, CancellationToken cancellationToken)
    {
        var remaining = ticket.ExpiresAt - time.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            await store.SetAsync(Key(token), Serialize(ticket), remaining, cancellationToken);
        }
    }

    private static string Key(string token) => "mfa:" + OpaqueToken.Digest(token);

    private static string Serialize(MfaTicket ticket) =>
        JsonSerializer.Serialize(new StoredTicket(ticket.UserId, [.. ticket.Amr], ticket.RememberMe, ticket.ExpiresAt.ToUnixTimeMilliseconds()));

    private static MfaTicket? Deserialize(string value)
    {
        var stored = JsonSerializer.Deserialize<StoredTicket>(value);
        return stored is null ? null : new MfaTicket(stored.U, stored.A, stored.R, DateTimeOffset.FromUnixTimeMilliseconds(stored.E));
    }

    private sealed record StoredTicket(string U, string[] A, bool R, long E);
}
