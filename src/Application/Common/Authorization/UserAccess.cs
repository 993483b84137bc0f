using FullAuth.Domain.Roles;

namespace FullAuth.Application.Common.Authorization;

/// <summary>A user's current roles and the union of their permissions (<c>*</c> covers every permission).</summary>
public sealed record UserAccess(string UserId, bool IsActive, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions)
{
    public bool HasPermission(string permission) => Permissions.Contains(Role.Wildcard) || Permissions.Contains(permission);

    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>True when every one of <paramref name="permissions"/> is held (no escalation).</summary>
    public bool HoldsAll(IEnumerable<string> permissions) => Permissions.Contains(Role.Wildcard) || permissions.All(Permissions.Contains);
}
