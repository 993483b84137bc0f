using FullAuth.Application.Common.Results;
using FullAuth.Domain.Tokens;
using FullAuth.Domain.Users;

namespace FullAuth.Application.Common.Tokens;

/// <summary>Issues and redeems mailed one-time tokens.</summary>
public interface IOneTimeTokens
{
    /// <summary>A new token (the raw value, to mail); the user's older unused ones of the same purpose stop working. Saves.</summary>
    Task<string> IssueAsync(User user, string purpose, string email, string? sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Redeems a token of one of <paramref name="purposes"/>: unknown, used, expired, of another purpose,
    /// or for an address the user no longer has are all 400 <c>invalid_token</c>. Concurrent redeems: one wins.
    /// </summary>
    Task<Result<OneTimeToken>> RedeemAsync(string rawToken, IReadOnlyCollection<string> purposes, CancellationToken cancellationToken);
}
