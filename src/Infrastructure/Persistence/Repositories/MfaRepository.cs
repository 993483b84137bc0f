using FullAuth.Application.Common.Interfaces;
using FullAuth.Domain.Common;
using FullAuth.Domain.Mfa;
using Microsoft.EntityFrameworkCore;

namespace FullAuth.Infrastructure.Persistence.Repositories;

internal sealed class MfaRepository(AppDbContext db) : IMfaRepository
{
    public async Task<bool> TryAdvanceTotpStepAsync(string userId, long step, CancellationToken cancellationToken) =>
        await db.Users
            .Where(u => u.Id == userId && (u.TotpLastUsedStep == null || u.TotpLastUsedStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TotpLastUsedStep, step), cancellationToken) == 1;

    public async Task ReplaceRecoveryCodesAsync(string userId, IReadOnlyList<string> codeHashes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await DeleteRecoveryCodesAsync(userId, cancellationToken);
        foreach (var hash in codeHashes)
        {
            db.RecoveryCodes.Add(new RecoveryCode(Ids.New(), userId, hash, now));
        }
    }

    public async Task<bool> TryUseRecoveryCodeAsync(string userId, string codeHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.RecoveryCodes
            .Where(c => c.UserId == userId && c.CodeHash == codeHash && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken) == 1;

    public Task DeleteRecoveryCodesAsync(string userId, CancellationToken cancellationToken) =>
        db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public Task<int> CountUnusedRecoveryCodesAsync(string userId, CancellationToken cancellationToken) =>
        db.RecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null, cancellationToken);
}
