using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Admin.ListAudit;

public sealed class ListAuditQueryHandler(IAuditRepository audit) : IQueryHandler<ListAuditQuery, Result<PagedResponse<AuditEntryResponse>>>
{
    public async ValueTask<Result<PagedResponse<AuditEntryResponse>>> Handle(ListAuditQuery query, CancellationToken cancellationToken)
    {
        var (items, total) = await audit.ListAsync(new AuditQuery(query.Page, query.PageSize, query.UserId, query.Action), cancellationToken);
        return new PagedResponse<AuditEntryResponse>(
            items.Select(e => new AuditEntryResponse(e.Id, e.At, e.ActorId, e.Action, e.TargetId, e.IpAddress, e.Details)).ToList(),
            query.Page,
            query.PageSize,
            total);
    }
}
