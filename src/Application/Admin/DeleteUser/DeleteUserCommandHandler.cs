using FullAuth.Application.Admin.Common;
using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using Mediator;

namespace FullAuth.Application.Admin.DeleteUser;

/// <summary>Deletes an account: its sessions and access tokens end at once. Not the last active admin.</summary>
public sealed class DeleteUserCommandHandler(
    AdminGuard guard,
    IUserRepository users,
    IUnitOfWork unitOfWork,
    ISessionRevoker revoker,
    IAuditTrail audit,
    IPublisher publisher,
    TimeProvider time) : ICommandHandler<DeleteUserCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteUserCommand command, CancellationToken cancellationToken)
    {
        var target = await guard.TargetAsync(command.Caller, command.UserId, cancellationToken);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        var user = target.Value;
        if (await guard.IsLastActiveAdminAsync(user, cancellationToken))
        {
            return Error.LastAdmin;
        }

        await revoker.RevokeAllAsync(user.Id, exceptSessionId: null, "deleted_by_admin", cancellationToken);
        users.Remove(user);
        audit.Record(command.Caller, "user.deleted", user.Id, command.Client.IpAddress, null);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await audit.PublishAsync(cancellationToken);
        await publisher.Publish(new UserDeleted(user.Id, user.Email, time.GetUtcNow()), cancellationToken);
        return Result.Ok;
    }
}
