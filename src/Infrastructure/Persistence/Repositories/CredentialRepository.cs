using FullAuth.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace FullAuth.Infrastructure.Persistence.Repositories;

internal sealed class CredentialRepository(AppDbContext db) : ICredentialRepository
{
    public async Task<int> RemoveExternalCredentialsAsync(string userId, CancellationToken cancellationToken) =>
        await db.OAuthAccounts.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken) +
        await db.Passkeys.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
