using FullAuth.Domain.Audit;

namespace FullAuth.Application.Common.Interfaces;

public sealed record AuditQuery(int Page, int PageSize, string? UserId, string? Action);

public interface IAuditRepository
{
    /// <summary>Adds an entry; it is saved with the unit of work, together with the change it records.</summary>
    void Add(AuditEntry entry);

    Task<(IReadOnlyList<AuditEntry> Items, int Total)> ListAsync(AuditQuery query, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string action, string targetId, CancellationToken cancellationToken);
}
