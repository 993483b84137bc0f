using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Domain.Roles;
using Mediator;

namespace FullAuth.Application.Account.DeleteMe;

/// <summary>Deletes the caller's account after recent authentication; every session ends at once.</summary>
public sealed class DeleteMeCommandHandler(
    IUserRepository users,
    IUnitOfWork unitOfWork,
    IReauthentication reauthentication,
    ISessionRevoker revoker,
    IPublisher publisher,
    TimeProvider time) : ICommandHandler<DeleteMeCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteMeCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Caller.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            return Error.Unauthenticated;
        }

        var recent = await reauthentication.RequireAsync(command.Caller, user, command.CurrentPassword, cancellationToken);
        if (!recent.IsSuccess)
        {
            return recent;
        }

        if (user.HasRole(Role.Admin) && await users.CountActiveWithRoleAsync(Role.Admin, cancellationToken) <= 1)
        {
            return Error.LastAdmin;
        }

        await revoker.RevokeAllAsync(user.Id, exceptSessionId: null, "account_deleted", cancellationToken);
        users.Remove(user);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await publisher.Publish(new UserDeleted(user.Id, user.Email, time.GetUtcNow()), cancellationToken);
        return Result.Ok;
    }
}
