namespace FullAuth.Application.Common.Interfaces;

/// <summary>
/// Revoked access tokens, by token id (<c>jti</c>) and by session id (<c>sid</c>). Entries live until
/// the newest access token they can concern has expired.
/// </summary>
public interface ITokenBlacklist
{
    ValueTask RevokeTokenAsync(string jti, TimeSpan ttl, CancellationToken cancellationToken);

    ValueTask RevokeSessionAsync(string sessionId, TimeSpan ttl, CancellationToken cancellationToken);

    ValueTask<bool> IsRevokedAsync(string jti, string sessionId, CancellationToken cancellationToken);
}
