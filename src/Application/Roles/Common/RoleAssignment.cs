using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Domain.Roles;
using FullAuth.Domain.Users;

namespace FullAuth.Application.Roles.Common;

/// <summary>What assigning and revoking share: both exist (404 otherwise) and the caller holds every permission of the role (403 otherwise).</summary>
public static class RoleAssignment
{
    public static async Task<Result<(User User, Role Role)>> ResolveAsync(
        IUserRepository users,
        IRoleRepository roles,
        IPermissionService permissions,
        Caller caller,
        string userId,
        string roleName,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId, cancellationToken);
        var role = await roles.FindAsync(roleName, cancellationToken);
        if (user is null || role is null)
        {
            return Error.NotFound;
        }

        var access = await permissions.GetAccessAsync(caller.UserId, cancellationToken);
        return access is not null && access.HoldsAll(role.Permissions) ? (user, role) : Error.Forbidden;
    }
}
