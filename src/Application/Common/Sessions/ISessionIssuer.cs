using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Domain.Sessions;
using FullAuth.Domain.Users;

namespace FullAuth.Application.Common.Sessions;

/// <summary>
/// Completes every sign-in, whatever the method: consults the sign-in policies, then either answers an
/// <c>MfaChallenge</c> (the user has TOTP on and the first factor is listed in <c>Mfa:Methods</c>) or
/// starts the session (a new refresh-token family), issues the tokens and publishes <c>UserSignedIn</c>.
/// </summary>
public interface ISessionIssuer
{
    /// <summary>
    /// Call after the first factor succeeded. <paramref name="amr"/> names it: <c>[pwd]</c>, <c>[email]</c>,
    /// <c>[oauth]</c>, <c>[webauthn]</c> for a passkey without user verification and <c>[webauthn, mfa]</c>
    /// with it (two factors: no challenge unless <c>Mfa:Methods</c> lists <c>webauthn</c>).
    /// </summary>
    Task<Result<SignInResult>> SignInAsync(User user, IReadOnlyList<string> amr, bool rememberMe, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>Starts the session without policies or second-factor decision: for <c>/mfa/verify</c>, once both factors passed.</summary>
    Task<Result<SignInResult>> StartSessionAsync(User user, IReadOnlyList<string> amr, bool rememberMe, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>An access token for an existing session, with the user's current roles and email.</summary>
    Task<(string Token, int ExpiresIn)> IssueAccessTokenAsync(User user, RefreshToken session, CancellationToken cancellationToken);
}
