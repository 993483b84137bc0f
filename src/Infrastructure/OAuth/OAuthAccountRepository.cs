using FullAuth.Application.OAuth.Common;
using FullAuth.Domain.OAuth;
using FullAuth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FullAuth.Infrastructure.OAuth;

internal sealed class OAuthAccountRepository(AppDbContext db) : IOAuthAccountRepository
{
    public Task<OAuthAccount?> FindAsync(string provider, string providerUserId, CancellationToken cancellationToken) =>
        db.OAuthAccounts.SingleOrDefaultAsync(a => a.Provider == provider && a.ProviderUserId == providerUserId, cancellationToken);

    public Task<OAuthAccount?> FindForUserAsync(string userId, string provider, CancellationToken cancellationToken) =>
        db.OAuthAccounts.SingleOrDefaultAsync(a => a.UserId == userId && a.Provider == provider, cancellationToken);

    public async Task<IReadOnlyList<OAuthAccount>> ListForUserAsync(string userId, CancellationToken cancellationToken) =>
        (await db.OAuthAccounts.Where(a => a.UserId == userId).ToListAsync(cancellationToken)).OrderBy(a => a.CreatedAt).ToList();

    public Task<bool> HasPasskeyAsync(string userId, CancellationToken cancellationToken) =>
        db.Passkeys.AnyAsync(p => p.UserId == userId, cancellationToken);

    public void Add(OAuthAccount account) => db.OAuthAccounts.Add(account);

    public void Remove(OAuthAccount account) => db.OAuthAccounts.Remove(account);
}
