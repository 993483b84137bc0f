using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Domain.Roles;
using FullAuth.Domain.Users;

namespace FullAuth.Application.Admin.Common;

/// <summary>The rules every admin action on a user follows.</summary>
public sealed class AdminGuard(IUserRepository users, IPermissionService permissions)
{
    /// <summary>The target, if it exists and holds no permission the caller lacks (no acting above one's own permissions).</summary>
    public async Task<Result<User>> TargetAsync(Caller caller, string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId, cancellationToken);
        if (user is null)
        {
            return Error.NotFound;
        }

        var callerAccess = await permissions.GetAccessAsync(caller.UserId, cancellationToken);
        var targetAccess = await permissions.GetAccessAsync(userId, cancellationToken);
        return callerAccess is not null && targetAccess is not null && callerAccess.HoldsAll(targetAccess.Permissions)
            ? user
            : Error.Forbidden;
    }

    /// <summary>True when removing this user from the active admins would leave none.</summary>
    public async Task<bool> IsLastActiveAdminAsync(User user, CancellationToken cancellationToken) =>
        user.IsActive && user.HasRole(Role.Admin) && await users.CountActiveWithRoleAsync(Role.Admin, cancellationToken) <= 1;
}
