using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Roles.Common;
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
        var resolved = await RoleAssignment.ResolveAsync(users, roles, permissions, command.Caller, command.UserId!, command.RoleName!, cancellationToken);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        var (user, role) = resolved.Value;
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
