using FullAuth.Application.Admin.Common;
using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Domain.Common;
using Mediator;

namespace FullAuth.Application.Admin.UpdateUser;

/// <summary>Changes <c>is_active</c>, <c>email_verified</c>, <c>name</c>; disabling ends every session at once.</summary>
public sealed class UpdateUserCommandHandler(
    AdminGuard guard,
    IUnitOfWork unitOfWork,
    ISessionRevoker revoker,
    IAuditTrail audit,
    TimeProvider time) : ICommandHandler<UpdateUserCommand, Result<UserResponse>>
{
    public async ValueTask<Result<UserResponse>> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        var target = await guard.TargetAsync(command.Caller, command.UserId, cancellationToken);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        var user = target.Value;
        var disabling = command.IsActive is { HasValue: true, Value: false } && user.IsActive;
        if (disabling && await guard.IsLastActiveAdminAsync(user, cancellationToken))
        {
            return Error.LastAdmin;
        }

        var now = time.GetUtcNow();
        var changes = new List<string>();
        if (command.IsActive.HasValue)
        {
            user.SetActive(command.IsActive.Value, now);
            changes.Add($"is_active={command.IsActive.Value}");
        }

        if (command.EmailVerified.HasValue)
        {
            user.SetEmailVerified(command.EmailVerified.Value, now);
            changes.Add($"email_verified={command.EmailVerified.Value}");
        }

        if (command.Name.HasValue)
        {
            user.UpdateProfile(command.Name, Optional<string?>.Absent, now);
            changes.Add("name");
        }

        audit.Record(command.Caller, "user.updated", user.Id, command.Client.IpAddress, string.Join(", ", changes));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        if (disabling)
        {
            await revoker.RevokeAllAsync(user.Id, exceptSessionId: null, "disabled_by_admin", cancellationToken);
        }

        await audit.PublishAsync(cancellationToken);
        return UserResponse.From(user);
    }
}
