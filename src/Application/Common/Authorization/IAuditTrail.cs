using FullAuth.Application.Common.Models;

namespace FullAuth.Application.Common.Authorization;

/// <summary>Records an administrative change (saved with it) and publishes it as <c>AuditRecorded</c> after the save.</summary>
public interface IAuditTrail
{
    /// <summary>Adds the entry to the unit of work; call before saving.</summary>
    void Record(Caller? actor, string action, string? targetId, string? ipAddress, string? details);

    /// <summary>As <see cref="Record"/> for an actor known by id only (a user mid sign-in, who has no access token yet).</summary>
    void RecordByUser(string actorId, string action, string? targetId, string? ipAddress, string? details);

    /// <summary>Publishes what was recorded; call after saving.</summary>
    Task PublishAsync(CancellationToken cancellationToken);
}
