using FullAuth.Application.Passkeys.Common;
using FullAuth.Domain.Passkeys;
using FullAuth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FullAuth.Infrastructure.Passkeys;

internal sealed class PasskeyRepository(AppDbContext db) : IPasskeyRepository
{
    public async Task<IReadOnlyList<Passkey>> ListForUserAsync(string userId, CancellationToken cancellationToken) =>
        (await db.Passkeys.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(cancellationToken)).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();

    public Task<Passkey?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken) =>
        db.Passkeys.AsNoTracking().SingleOrDefaultAsync(p => p.CredentialId == credentialId, cancellationToken);

    public Task<Passkey?> FindForUserAsync(string userId, string id, CancellationToken cancellationToken) =>
        db.Passkeys.SingleOrDefaultAsync(p => p.Id == id && p.UserId == userId, cancellationToken);

    public void Add(Passkey passkey) => db.Passkeys.Add(passkey);

    public void Remove(Passkey passkey) => db.Passkeys.Remove(passkey);

    public async Task<bool> TryRecordUseAsync(string id, uint expectedSignCount, uint signCount, bool backedUp, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Passkeys
            .Where(p => p.Id == id && p.SignCount == expectedSignCount)
            .ExecuteUpdateAsync(
                set => set.SetProperty(p => p.SignCount, signCount).SetProperty(p => p.BackedUp, backedUp).SetProperty(p => p.LastUsedAt, now),
                cancellationToken) == 1;
}
