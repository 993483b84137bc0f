namespace FullAuth.Domain.Audit;

/// <summary>One administrative change: who did what to whom, when and from where.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(string id, DateTimeOffset at, string? actorId, string action, string? targetId, string? ipAddress, string? details)
    {
        Id = id;
        At = at;
        ActorId = actorId;
        Action = action;
        TargetId = targetId;
        IpAddress = ipAddress;
        Details = details;
    }

    public string Id { get; private set; } = string.Empty;
    public DateTimeOffset At { get; private set; }

    /// <summary>The acting user, or null for the system (bootstrap, command line).</summary>
    public string? ActorId { get; private set; }

    public string Action { get; private set; } = string.Empty;
    public string? TargetId { get; private set; }
    public string? IpAddress { get; private set; }
    public string? Details { get; private set; }
}
