using FullAuth.Application.Common.Interfaces;
using FullAuth.Domain.Tokens;
using Microsoft.EntityFrameworkCore;

namespace FullAuth.Infrastructure.Persistence.Repositories;

internal sealed class OneTimeTokenRepository(AppDbContext db) : IOneTimeTokenRepository
{
    public void Add(OneTimeToken token) => db.OneTimeTokens.Add(token);

    public Task<OneTimeToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        db.OneTimeTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == tokenHash, cancellationToken);

    public async Task<bool> TryConsumeAsync(string tokenId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.OneTimeTokens
            .Where(t => t.Id == tokenId && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken) == 1;

    public Task<int> VoidUnusedAsync(string userId, IReadOnlyCollection<string> purposes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var list = purposes.ToList();
        return db.OneTimeTokens
            .Where(t => t.UserId == userId && list.Contains(t.Purpose) && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
    }
}
