using FullAuth.Domain.Sessions;

namespace FullAuth.Application.Common.Interfaces;

/// <summary>Refresh tokens; a family is a session. The atomic members write at once, outside the unit of work.</summary>
public interface IRefreshTokenRepository
{
    Task<RefreshToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken);

    void Add(RefreshToken token);

    /// <summary>Marks the token used if, and only if, nobody did before: exactly one concurrent caller gets true.</summary>
    Task<bool> TryMarkUsedAsync(string tokenId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Rotation in one transaction: marks the presented token used if, and only if, nobody did before
    /// (exactly one concurrent caller gets true) and inserts its successor. False: nothing is written.
    /// </summary>
    Task<bool> TryRotateAsync(string presentedId, RefreshToken successor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Whether the token is revoked now (read from the database, nothing tracked).</summary>
    Task<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken);

    /// <summary>Revokes every token of the family; returns how many were still unrevoked.</summary>
    Task<int> RevokeFamilyAsync(string familyId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The user's live sessions: for each, its current (unused, unrevoked, unexpired) token.</summary>
    Task<IReadOnlyList<RefreshToken>> ListActiveSessionsAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken);
}
