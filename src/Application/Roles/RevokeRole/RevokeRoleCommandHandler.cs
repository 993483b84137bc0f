using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Roles.Common;
using FullAuth.Domain.Roles;
using Mediator;

namespace FullAuth.Application.Roles.RevokeRole;

/// <summary>Takes a role away; the last active admin keeps <c>admin</c> (409 <c>last_admin</c>).</summary>
public sealed class RevokeRoleCommandHandler(
    IUserRepository users,
    IRoleRepository roles,
    IUnitOfWork unitOfWork,
    IPermissionService permissions,
    IAuditTrail audit) : ICommandHandler<RevokeRoleCommand, Result>
{
    public async ValueTask<Result> Handle(RevokeRoleCommand command, CancellationToken cancellationToken)
    {
        var resolved = await RoleAssignment.ResolveAsync(users, roles, permissions, command.Caller, command.UserId!, command.RoleName!, cancellationToken);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        var (user, role) = resolved.Value;
        if (!user.HasRole(role.Name))
        {
            return Result.Ok;
        }

        if (role.Name == Role.Admin && user.IsActive && await users.CountActiveWithRoleAsync(Role.Admin, cancellationToken) <= 1)
        {
            return Error.LastAdmin;
        }

        user.RemoveRole(role.Name);
        audit.Record(command.Caller, "role.revoked", user.Id, command.Client.IpAddress, $"role: {role.Name}");
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await audit.PublishAsync(cancellationToken);
        return Result.Ok;
    }
}
