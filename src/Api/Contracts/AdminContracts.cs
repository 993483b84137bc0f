namespace FullAuth.Api.Contracts;

public sealed class CreateRoleRequest
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<string>? Permissions { get; set; }
}

public sealed class UpdateRoleRequest
{
    public string? Description { get; set; }
    public List<string>? Permissions { get; set; }
}

public sealed class RoleAssignmentRequest
{
    public string? UserId { get; set; }
    public string? RoleName { get; set; }
}

public sealed class InviteUserRequest
{
    public string? Email { get; set; }
    public string? Name { get; set; }
    public List<string>? Roles { get; set; }
}
