using FullAuth.Application.Common.Interfaces;
using FullAuth.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace FullAuth.Infrastructure.Persistence.Repositories;

internal sealed class AuditRepository(AppDbContext db) : IAuditRepository
{
    public void Add(AuditEntry entry) => db.AuditEntries.Add(entry);

    public async Task<(IReadOnlyList<AuditEntry> Items, int Total)> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(query.UserId))
        {
            entries = entries.Where(e => e.ActorId == query.UserId || e.TargetId == query.UserId);
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }

        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public Task<bool> ExistsAsync(string action, string targetId, CancellationToken cancellationToken) =>
        db.AuditEntries.AnyAsync(e => e.Action == action && e.TargetId == targetId, cancellationToken);
}
