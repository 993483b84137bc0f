using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Security;
using FullAuth.Application.Common.Sessions;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.Auth.Logout;

/// <summary>
/// With an access token: ends that session (and the refresh token's, when it is the caller's own).
/// A refresh token of another user is ignored and logged. With only a refresh token: ends its
/// session; an unknown or already-ended one still answers 204 (logout is idempotent).
/// </summary>
public sealed class LogoutCommandHandler(
    IRefreshTokenRepository refreshTokens,
    ISessionRevoker revoker,
    IPublisher publisher,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<LogoutCommand, Result>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Logout");

    public async ValueTask<Result> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        if (command.Caller is null && string.IsNullOrEmpty(command.RefreshToken))
        {
            return Error.Unauthenticated;
        }

        var token = string.IsNullOrEmpty(command.RefreshToken)
            ? null
            : await refreshTokens.FindByHashAsync(OpaqueToken.Digest(command.RefreshToken), cancellationToken);

        if (command.Caller is { } caller)
        {
            await EndAsync(caller.UserId, caller.SessionId, cancellationToken);
            if (token is not null && token.FamilyId != caller.SessionId)
            {
                if (token.UserId == caller.UserId)
                {
                    await EndAsync(token.UserId, token.FamilyId, cancellationToken);
                }
                else
                {
                    _logger.LogWarning(
                        LogEvents.LogoutTokenMismatch,
                        "Logout by user {UserId} presented a refresh token of user {OtherUserId}: ignored",
                        caller.UserId,
                        token.UserId);
                }
            }

            return Result.Ok;
        }

        if (token is null || token.RevokedAt is not null)
        {
            _logger.LogInformation("Logout with an unknown or already revoked refresh token");
            return Result.Ok;
        }

        await EndAsync(token.UserId, token.FamilyId, cancellationToken);
        return Result.Ok;
    }

    private async Task EndAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        await revoker.RevokeAsync(userId, sessionId, "logout", cancellationToken);
        _logger.LogInformation(LogEvents.LoggedOut, "User {UserId} signed out of session {SessionId}", userId, sessionId);
        await publisher.Publish(new UserSignedOut(userId, sessionId, time.GetUtcNow()), cancellationToken);
    }
}
