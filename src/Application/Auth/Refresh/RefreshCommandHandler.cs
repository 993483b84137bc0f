using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Security;
using FullAuth.Application.Common.Sessions;
using FullAuth.Domain.Sessions;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.Auth.Refresh;

/// <summary>
/// Rotates a refresh token. The presented token is marked used and its successor inserted in one
/// transaction, so of concurrent refreshes exactly one wins; a token that was already used (or loses
/// that race) is a replay and revokes the whole session, including its outstanding access tokens.
/// </summary>
public sealed class RefreshCommandHandler(
    IRefreshTokenRepository refreshTokens,
    IUserRepository users,
    ISessionIssuer sessions,
    ISessionRevoker revoker,
    IPublisher publisher,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<RefreshCommand, Result<SessionTokens>>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Tokens");

    public async ValueTask<Result<SessionTokens>> Handle(RefreshCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = await refreshTokens.FindByHashAsync(OpaqueToken.Digest(command.RefreshToken!), cancellationToken);
        if (token is null)
        {
            _logger.LogInformation(LogEvents.RefreshRefused, "Refresh refused: unknown token");
            FullAuthTelemetry.Refreshes.Add(1, FullAuthTelemetry.Tag("outcome", "refused"));
            return Error.InvalidCredentials;
        }

        if (token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            _logger.LogInformation(LogEvents.RefreshRefused, "Refresh refused for session {SessionId}: revoked or expired", token.FamilyId);
            FullAuthTelemetry.Refreshes.Add(1, FullAuthTelemetry.Tag("outcome", "refused"));
            return Error.InvalidCredentials;
        }

        if (token.UsedAt is not null)
        {
            return await ReuseDetectedAsync(token, command.Client, now, cancellationToken);
        }

        var user = await users.FindByIdAsync(token.UserId, cancellationToken);
        if (user is null || !user.IsActive)
        {
            _logger.LogWarning(LogEvents.RefreshRefused, "Refresh refused for session {SessionId}: user missing or inactive", token.FamilyId);
            FullAuthTelemetry.Refreshes.Add(1, FullAuthTelemetry.Tag("outcome", "refused"));
            await revoker.RevokeAsync(token.UserId, token.FamilyId, "user_inactive", cancellationToken);
            return Error.InvalidCredentials;
        }

        // Mark-used and the successor's insert commit together; losing the mark to a concurrent caller is a replay.
        var newToken = OpaqueToken.Create();
        var successor = token.Successor(OpaqueToken.Digest(newToken), now, command.Client.IpAddress, command.Client.UserAgent);
        if (!await refreshTokens.TryRotateAsync(token.Id, successor, now, cancellationToken))
        {
            return await ReuseDetectedAsync(token, command.Client, now, cancellationToken);
        }

        // A family revocation that started before the rotation committed (a logout or a replay on a
        // database whose UPDATE works on a snapshot, such as PostgreSQL) revoked the presented token but
        // may not have seen the successor: if the presented token is revoked now, revoke the family again.
        if (await refreshTokens.IsRevokedAsync(token.Id, cancellationToken))
        {
            _logger.LogWarning("Session {SessionId} was revoked concurrently during rotation: successor revoked", token.FamilyId);
            await revoker.RevokeAsync(token.UserId, token.FamilyId, "refresh_token_reuse", cancellationToken);
        }

        var (accessToken, expiresIn) = await sessions.IssueAccessTokenAsync(user, successor, cancellationToken);
        FullAuthTelemetry.Refreshes.Add(1, FullAuthTelemetry.Tag("outcome", "success"));
        return new SessionTokens(accessToken, newToken, expiresIn, successor.FamilyId, successor.ExpiresAt, successor.RememberMe);
    }

    private async Task<Result<SessionTokens>> ReuseDetectedAsync(RefreshToken token, ClientInfo client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        FullAuthTelemetry.Refreshes.Add(1, FullAuthTelemetry.Tag("outcome", "reuse"));
        FullAuthTelemetry.ReuseDetections.Add(1);
        _logger.LogError(
            LogEvents.RefreshReuseDetected,
            "Refresh token reuse detected for user {UserId}, session {SessionId} from {IpAddress}: session revoked",
            token.UserId,
            token.FamilyId,
            client.IpAddress);
        await revoker.RevokeAsync(token.UserId, token.FamilyId, "refresh_token_reuse", cancellationToken);
        await publisher.Publish(new RefreshTokenReuseDetected(token.UserId, token.FamilyId, client.IpAddress, now), cancellationToken);
        return Error.InvalidCredentials;
    }
}
