using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Domain.Sessions;
using FullAuth.Domain.Users;

namespace FullAuth.Application.Common.Sessions;

/// <summary>
/// Completes every sign-in, whatever the method: consults the sign-in policies, starts the session
/// (a new refresh-token family), issues the tokens and publishes <c>UserSignedIn</c>.
/// </summary>
public interface ISessionIssuer
{
    Task<Result<SignInResult>> SignInAsync(User user, IReadOnlyList<string> amr, bool rememberMe, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>An access token for an existing session, with the user's current roles and email.</summary>
    Task<(string Token, int ExpiresIn)> IssueAccessTokenAsync(User user, RefreshToken session, CancellationToken cancellationToken);
}
