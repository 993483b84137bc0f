namespace FullAuth.Application.Common.Sessions;

/// <summary>
/// Ends sessions: revokes the refresh family and blacklists the session id so its outstanding
/// access tokens fail at once.
/// </summary>
public interface ISessionRevoker
{
    Task RevokeAsync(string userId, string sessionId, string reason, CancellationToken cancellationToken);

    /// <summary>Revokes every live session of the user except <paramref name="exceptSessionId"/>; returns how many.</summary>
    Task<int> RevokeAllAsync(string userId, string? exceptSessionId, string reason, CancellationToken cancellationToken);
}
