using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Security;
using FullAuth.Domain.Sessions;

namespace FullAuth.Api.Http.Csrf;

/// <summary>
/// The session a refresh cookie belongs to, so CSRF tokens can be checked (refresh, logout) or bound
/// (<c>GET /csrf</c>) when no valid access cookie names the session. Reads only; never rotates.
/// </summary>
public sealed class RefreshCookieSessions(IRefreshTokenRepository refreshTokens, TimeProvider time)
{
    /// <summary>The stored token (live or not), or null for an unknown one.</summary>
    public Task<RefreshToken?> FindAsync(string refreshToken, CancellationToken cancellationToken) =>
        refreshToken.Length > 512
            ? Task.FromResult<RefreshToken?>(null)
            : refreshTokens.FindByHashAsync(OpaqueToken.Digest(refreshToken), cancellationToken);

    /// <summary>The token when its session is still live (not revoked, not expired).</summary>
    public async Task<RefreshToken?> FindLiveAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var token = await FindAsync(refreshToken, cancellationToken);
        return token is not null && token.RevokedAt is null && token.ExpiresAt > time.GetUtcNow() ? token : null;
    }
}
