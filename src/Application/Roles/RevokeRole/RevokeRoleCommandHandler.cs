using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
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
        var user = await users.FindByIdAsync(command.UserId!, cancellationToken);
        var role = await roles.FindAsync(command.RoleName!, cancellationToken);
        if (user is null || role is null)
        {
            return Error.NotFound;
        }

        var caller = await permissions.GetAccessAsync(command.Caller.UserId, cancellationToken);
        if (caller is null || !caller.HoldsAll(role.Permissions))
        {
            return Error.Forbidden;
        }

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
