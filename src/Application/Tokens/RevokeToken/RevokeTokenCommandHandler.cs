using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Security;
using FullAuth.Application.Common.Sessions;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.Tokens.RevokeToken;

/// <summary>
/// Ends the session of a refresh or access token: the refresh family and the session's outstanding
/// access tokens. Unknown, expired or already revoked tokens change nothing; the answer is the same
/// success either way (RFC 7009), so it tells the caller nothing about the token.
/// </summary>
public sealed class RevokeTokenCommandHandler(
    IAccessTokenValidator accessTokens,
    IRefreshTokenRepository refreshTokens,
    ISessionRevoker revoker,
    IPublisher publisher,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<RevokeTokenCommand, Result>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Tokens");

    public async ValueTask<Result> Handle(RevokeTokenCommand command, CancellationToken cancellationToken)
    {
        var token = command.Token!;
        string? userId = null;
        string? sessionId = null;
        if (TokenShape.LooksLikeJwt(token))
        {
            if (await accessTokens.ValidateAsync(token, cancellationToken) is { } validated)
            {
                (userId, sessionId) = (validated.Caller.UserId, validated.Caller.SessionId);
            }
        }
        else if (await refreshTokens.FindByHashAsync(OpaqueToken.Digest(token), cancellationToken) is { RevokedAt: null } stored &&
                 stored.ExpiresAt > time.GetUtcNow())
        {
            (userId, sessionId) = (stored.UserId, stored.FamilyId);
        }

        if (userId is null || sessionId is null)
        {
            _logger.LogInformation("Token revocation with an unknown, expired or already revoked token: nothing to do");
            return Result.Ok;
        }

        await revoker.RevokeAsync(userId, sessionId, "token_revoked", cancellationToken);
        _logger.LogInformation("Session {SessionId} of user {UserId} ended by token revocation", sessionId, userId);
        await publisher.Publish(new UserSignedOut(userId, sessionId, time.GetUtcNow()), cancellationToken);
        return Result.Ok;
    }
}
