using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using Mediator;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Common.Sessions;

public sealed class SessionRevoker(
    IRefreshTokenRepository refreshTokens,
    ITokenBlacklist blacklist,
    IPublisher publisher,
    IOptions<JwtOptions> jwtOptions,
    TimeProvider time) : ISessionRevoker
{
    public async Task RevokeAsync(string userId, string sessionId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await refreshTokens.RevokeFamilyAsync(sessionId, now, cancellationToken);
        await blacklist.RevokeSessionAsync(sessionId, BlacklistTtl, cancellationToken);
        await publisher.Publish(new SessionRevoked(userId, sessionId, reason, now), cancellationToken);
    }

    public async Task<int> RevokeAllAsync(string userId, string? exceptSessionId, string reason, CancellationToken cancellationToken)
    {
        var sessions = await refreshTokens.ListActiveSessionsAsync(userId, time.GetUtcNow(), cancellationToken);
        var revoked = 0;
        foreach (var session in sessions)
        {
            if (session.FamilyId == exceptSessionId)
            {
                continue;
            }

            await RevokeAsync(userId, session.FamilyId, reason, cancellationToken);
            revoked++;
        }

        return revoked;
    }

    /// <summary>Long enough to outlive any access token the session may still hold.</summary>
    private TimeSpan BlacklistTtl => jwtOptions.Value.AccessTokenLifetime + jwtOptions.Value.ClockSkew;
}
