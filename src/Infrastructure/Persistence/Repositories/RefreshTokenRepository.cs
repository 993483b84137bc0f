using FullAuth.Application.Common.Interfaces;
using FullAuth.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace FullAuth.Infrastructure.Persistence.Repositories;

internal sealed class RefreshTokenRepository(AppDbContext db) : IRefreshTokenRepository
{
    public Task<RefreshToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == tokenHash, cancellationToken);

    public void Add(RefreshToken token) => db.RefreshTokens.Add(token);

    public async Task<bool> TryRotateAsync(string presentedId, RefreshToken successor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One transaction (one commit) for both writes: the conditional UPDATE decides the winner, and the
        // successor becomes visible together with the used mark, never after it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await TryMarkUsedAsync(presentedId, now, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        db.RefreshTokens.Add(successor);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public Task<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken) =>
        db.RefreshTokens.AsNoTracking().AnyAsync(t => t.Id == tokenId && t.RevokedAt != null, cancellationToken);

    public async Task<bool> TryMarkUsedAsync(string tokenId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One conditional UPDATE: the database decides which concurrent caller wins.
        var updated = await db.RefreshTokens
            .Where(t => t.Id == tokenId && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        return updated == 1;
    }

    public Task<int> RevokeFamilyAsync(string familyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);

    public async Task<IReadOnlyList<RefreshToken>> ListActiveSessionsAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.RefreshTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .ToListAsync(cancellationToken);
}
