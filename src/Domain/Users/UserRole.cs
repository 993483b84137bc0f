namespace FullAuth.Domain.Users;

/// <summary>Membership of a user in a role.</summary>
public sealed class UserRole
{
    private UserRole()
    {
    }

    public UserRole(string userId, string roleName, DateTimeOffset assignedAt)
    {
        UserId = userId;
        RoleName = roleName;
        AssignedAt = assignedAt;
    }

    public string UserId { get; private set; } = string.Empty;
    public string RoleName { get; private set; } = string.Empty;
    public DateTimeOffset AssignedAt { get; private set; }
}
