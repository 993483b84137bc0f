using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Mfa;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Security;
using FullAuth.Domain.Sessions;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Common.Sessions;

public sealed class SessionIssuer(
    IEnumerable<ISignInPolicy> policies,
    IEnumerable<IClaimsEnricher> enrichers,
    IRefreshTokenRepository refreshTokens,
    IUnitOfWork unitOfWork,
    IAccessTokenIssuer accessTokens,
    ISessionRevoker revoker,
    IPublisher publisher,
    IMfaTokens mfaTokens,
    IOptions<MfaOptions> mfaOptions,
    IOptions<JwtOptions> jwtOptions,
    IOptions<SessionOptions> sessionOptions,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ISessionIssuer
{
    private static readonly HashSet<string> ReservedClaims =
        ["iss", "aud", "sub", "jti", "sid", "iat", "nbf", "exp", "auth_time", "amr", "email", "email_verified", "roles", "typ"];

    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Login");

    public async Task<Result<SignInResult>> SignInAsync(User user, IReadOnlyList<string> amr, bool rememberMe, ClientInfo client, CancellationToken cancellationToken)
    {
        var context = new SignInContext(user, amr, client.IpAddress, client.UserAgent);
        foreach (var policy in policies)
        {
            if (!await policy.AllowSignInAsync(context, cancellationToken))
            {
                _logger.LogWarning(LogEvents.SignInVetoed, "Sign-in of user {UserId} vetoed by {Policy}", user.Id, policy.GetType().Name);
                FullAuthTelemetry.SignIns.Add(1, FullAuthTelemetry.Tag("method", string.Join(' ', amr)), FullAuthTelemetry.Tag("outcome", "vetoed"));
                return Error.SignInNotAllowed;
            }
        }

        // The sign-in policies run on the first factor, before any mfa_token exists: a vetoed user
        // never learns whether the account has a second factor. /mfa/verify does not run them again.
        if (RequiresSecondFactor(user, amr))
        {
            var challenge = await mfaTokens.IssueAsync(user.Id, amr, rememberMe, cancellationToken);
            _logger.LogInformation("User {UserId} passed the first factor {Amr}; second factor due", user.Id, string.Join(' ', amr));
            return SignInResult.Challenge(challenge);
        }

        return await StartSessionAsync(user, amr, rememberMe, client, cancellationToken);
    }

    public async Task<Result<SignInResult>> StartSessionAsync(User user, IReadOnlyList<string> amr, bool rememberMe, ClientInfo client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var jwt = jwtOptions.Value;
        var lifetime = rememberMe ? jwt.RememberMeLifetime : jwt.RefreshTokenLifetime;
        var refreshToken = OpaqueToken.Create();
        var session = RefreshToken.StartSession(
            user.Id,
            OpaqueToken.Digest(refreshToken),
            now,
            new SessionInfo(now, now + lifetime, now, string.Join(' ', amr), rememberMe, client.IpAddress, client.UserAgent));

        await PruneSessionsAsync(user.Id, now, cancellationToken);
        refreshTokens.Add(session);
        await unitOfWork.SaveChangesAsync(cancellationToken);

        var (accessToken, expiresIn) = await IssueAccessTokenAsync(user, session, cancellationToken);
        _logger.LogInformation(LogEvents.SignedIn, "User {UserId} signed in with {Amr}; session {SessionId}", user.Id, session.Amr, session.FamilyId);
        FullAuthTelemetry.SignIns.Add(1, FullAuthTelemetry.Tag("method", session.Amr), FullAuthTelemetry.Tag("outcome", "success"));
        await publisher.Publish(new UserSignedIn(user.Id, session.FamilyId, amr, client.IpAddress, client.UserAgent, now), cancellationToken);

        return new SignInResult(
            new SessionTokens(accessToken, refreshToken, expiresIn, session.FamilyId, session.ExpiresAt, rememberMe),
            UserResponse.From(user));
    }

    public async Task<(string Token, int ExpiresIn)> IssueAccessTokenAsync(User user, RefreshToken session, CancellationToken cancellationToken)
    {
        var custom = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var enricher in enrichers)
        {
            await enricher.EnrichAsync(user, custom, cancellationToken);
        }

        foreach (var reserved in ReservedClaims)
        {
            custom.Remove(reserved);
        }

        var issued = accessTokens.Issue(new AccessTokenRequest(user, session.FamilyId, session.AuthTime, session.AmrValues, custom));
        var expiresIn = (int)Math.Round((issued.ExpiresAt - time.GetUtcNow()).TotalSeconds);
        return (issued.Token, expiresIn);
    }

    /// <summary>
    /// The first factor's name for <c>Mfa:Methods</c>: a passkey assertion is <c>webauthn</c> when it
    /// carried user verification (amr <c>[webauthn, mfa]</c>), else <c>webauthn-without-uv</c>; others are
    /// their amr value (<c>pwd</c>, <c>email</c>, <c>oauth</c>).
    /// </summary>
    public static string FirstFactorMethod(IReadOnlyList<string> amr) =>
        amr.Contains(AuthMethods.WebAuthn)
            ? amr.Contains(AuthMethods.Mfa) ? MfaMethods.WebAuthn : MfaMethods.WebAuthnWithoutUv
            : amr.Count > 0 ? amr[0] : string.Empty;

    private bool RequiresSecondFactor(User user, IReadOnlyList<string> amr) =>
        user is { MfaEnabled: true, TotpSecret: not null }
        && !amr.Contains(AuthMethods.Otp)
        && mfaOptions.Value.EffectiveMethods.Contains(FirstFactorMethod(amr), StringComparer.Ordinal);

    /// <summary>Keeps at most <c>Sessions:MaxPerUser</c> sessions including the one being started: the oldest go first.</summary>
    private async Task PruneSessionsAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var max = sessionOptions.Value.MaxPerUser;
        var active = await refreshTokens.ListActiveSessionsAsync(userId, now, cancellationToken);
        if (active.Count < max)
        {
            return;
        }

        foreach (var old in active.OrderBy(s => s.SessionCreatedAt).Take(active.Count - max + 1))
        {
            await revoker.RevokeAsync(userId, old.FamilyId, "session_limit", cancellationToken);
        }
    }
}
