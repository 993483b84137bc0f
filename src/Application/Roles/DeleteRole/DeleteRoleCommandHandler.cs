using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Roles.DeleteRole;

/// <summary>Deletes a role and unassigns it from everyone; the built-in <c>admin</c> cannot be deleted (409).</summary>
public sealed class DeleteRoleCommandHandler(IRoleRepository roles, IUnitOfWork unitOfWork, IPermissionService permissions, IAuditTrail audit)
    : ICommandHandler<DeleteRoleCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteRoleCommand command, CancellationToken cancellationToken)
    {
        var role = await roles.FindAsync(command.Name, cancellationToken);
        if (role is null)
        {
            return Error.NotFound;
        }

        if (role.IsBuiltIn)
        {
            return Error.Conflict;
        }

        var caller = await permissions.GetAccessAsync(command.Caller.UserId, cancellationToken);
        if (caller is null || !caller.HoldsAll(role.Permissions))
        {
            return Error.Forbidden;
        }

        roles.Remove(role);
        audit.Record(command.Caller, "role.deleted", role.Name, command.Client.IpAddress, null);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await audit.PublishAsync(cancellationToken);
        return Result.Ok;
    }
}
