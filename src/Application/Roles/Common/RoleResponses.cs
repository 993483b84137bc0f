using FullAuth.Domain.Roles;

namespace FullAuth.Application.Roles.Common;

public sealed record RoleResponse(string Name, string? Description, IReadOnlyList<string> Permissions)
{
    public static RoleResponse From(Role role) => new(role.Name, role.Description, role.Permissions);
}

/// <summary><c>{user_id, roles, permissions}</c>.</summary>
public sealed record AccessResponse(string UserId, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions);
