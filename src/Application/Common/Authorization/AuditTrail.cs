using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Domain.Audit;
using FullAuth.Domain.Common;
using Mediator;

namespace FullAuth.Application.Common.Authorization;

public sealed class AuditTrail(IAuditRepository audit, IPublisher publisher, TimeProvider time) : IAuditTrail
{
    private readonly List<AuditEntry> _recorded = [];

    public void Record(Caller? actor, string action, string? targetId, string? ipAddress, string? details) =>
        Add(actor?.UserId, action, targetId, ipAddress, details);

    public void RecordByUser(string actorId, string action, string? targetId, string? ipAddress, string? details) =>
        Add(actorId, action, targetId, ipAddress, details);

    private void Add(string? actorId, string action, string? targetId, string? ipAddress, string? details)
    {
        var entry = new AuditEntry(Ids.New(), time.GetUtcNow(), actorId, action, targetId, ipAddress, details);
        audit.Add(entry);
        _recorded.Add(entry);
    }

    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in _recorded)
        {
            await publisher.Publish(new AuditRecorded(entry.Id, entry.Action, entry.ActorId, entry.TargetId, entry.IpAddress, entry.Details, entry.At), cancellationToken);
        }

        _recorded.Clear();
    }
}
