using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Roles.AssignRole;

/// <summary>Assigns a role whose every permission the caller holds; 404 for an unknown user or role.</summary>
public sealed class AssignRoleCommandHandler(
    IUserRepository users,
    IRoleRepository roles,
    IUnitOfWork unitOfWork,
    IPermissionService permissions,
    IAuditTrail audit,
    TimeProvider time) : ICommandHandler<AssignRoleCommand, Result>
{
    public async ValueTask<Result> Handle(AssignRoleCommand command, CancellationToken cancellationToken)
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

        if (user.HasRole(role.Name))
        {
            return Result.Ok;
        }

        user.AddRole(role.Name, time.GetUtcNow());
        audit.Record(command.Caller, "role.assigned", user.Id, command.Client.IpAddress, $"role: {role.Name}");
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await audit.PublishAsync(cancellationToken);
        return Result.Ok;
    }
}
