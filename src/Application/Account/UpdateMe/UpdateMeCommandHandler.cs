using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Account.UpdateMe;

public sealed class UpdateMeCommandHandler(IUserRepository users, IUnitOfWork unitOfWork, IPublisher publisher, TimeProvider time)
    : ICommandHandler<UpdateMeCommand, Result<UserResponse>>
{
    public async ValueTask<Result<UserResponse>> Handle(UpdateMeCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Caller.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            return Error.Unauthenticated;
        }

        var now = time.GetUtcNow();
        user.UpdateProfile(command.Name, command.Image, now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await publisher.Publish(new UserProfileUpdated(user.Id, now), cancellationToken);
        return UserResponse.From(user);
    }
}
