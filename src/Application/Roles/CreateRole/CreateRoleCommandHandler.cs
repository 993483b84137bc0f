using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Roles.Common;
using FullAuth.Domain.Roles;
using Mediator;

namespace FullAuth.Application.Roles.CreateRole;

/// <summary>Creates a role; the caller can only grant permissions they hold themselves.</summary>
public sealed class CreateRoleCommandHandler(
    IRoleRepository roles,
    IUnitOfWork unitOfWork,
    IPermissionService permissions,
    IAuditTrail audit,
    TimeProvider time) : ICommandHandler<CreateRoleCommand, Result<RoleResponse>>
{
    public async ValueTask<Result<RoleResponse>> Handle(CreateRoleCommand command, CancellationToken cancellationToken)
    {
        var granted = command.Permissions ?? [];
        var caller = await permissions.GetAccessAsync(command.Caller.UserId, cancellationToken);
        if (caller is null || !caller.HoldsAll(granted))
        {
            return Error.Forbidden;
        }

        if (await roles.FindAsync(command.Name!, cancellationToken) is not null)
        {
            return Error.Conflict;
        }

        var role = new Role(command.Name!, command.Description, granted, time.GetUtcNow());
        roles.Add(role);
        audit.Record(command.Caller, "role.created", role.Name, command.Client.IpAddress, $"permissions: {string.Join(' ', role.Permissions)}");
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            return Error.Conflict;
        }

        await audit.PublishAsync(cancellationToken);
        return RoleResponse.From(role);
    }
}
