using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Roles.Common;
using FullAuth.Domain.Roles;
using Mediator;

namespace FullAuth.Application.Roles.UpdateRole;

/// <summary>Changes a role; the built-in <c>admin</c> cannot lose permissions (409), and nobody grants what they lack.</summary>
public sealed class UpdateRoleCommandHandler(
    IRoleRepository roles,
    IUnitOfWork unitOfWork,
    IPermissionService permissions,
    IAuditTrail audit) : ICommandHandler<UpdateRoleCommand, Result<RoleResponse>>
{
    public async ValueTask<Result<RoleResponse>> Handle(UpdateRoleCommand command, CancellationToken cancellationToken)
    {
        var role = await roles.FindAsync(command.Name, cancellationToken);
        if (role is null)
        {
            return Error.NotFound;
        }

        var caller = await permissions.GetAccessAsync(command.Caller.UserId, cancellationToken);
        if (caller is null || !caller.HoldsAll(role.Permissions) || (command.Permissions is not null && !caller.HoldsAll(command.Permissions)))
        {
            return Error.Forbidden;
        }

        if (role.IsBuiltIn && command.Permissions is not null && !command.Permissions.Contains(Role.Wildcard))
        {
            return Error.Conflict;
        }

        role.Update(command.Description, command.Permissions);
        audit.Record(command.Caller, "role.updated", role.Name, command.Client.IpAddress, $"permissions: {string.Join(' ', role.Permissions)}");
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await audit.PublishAsync(cancellationToken);
        return RoleResponse.From(role);
    }
}
