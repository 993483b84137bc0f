using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Admin.ListAudit;

public sealed record ListAuditQuery(Caller Caller, int Page, int PageSize, string? UserId, string? Action)
    : IQuery<Result<PagedResponse<AuditEntryResponse>>>, IRequirePermission
{
    public string RequiredPermission => Permissions.AuditRead;
}

/// <summary><c>{id, at, actor_id, action, target_id, ip_address, details}</c>.</summary>
public sealed record AuditEntryResponse(string Id, DateTimeOffset At, string? ActorId, string Action, string? TargetId, string? IpAddress, string? Details);
