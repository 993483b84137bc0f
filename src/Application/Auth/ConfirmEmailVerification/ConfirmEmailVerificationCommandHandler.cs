using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Tokens;
using FullAuth.Domain.Tokens;
using Mediator;

namespace FullAuth.Application.Auth.ConfirmEmailVerification;

public sealed class ConfirmEmailVerificationCommandHandler(
    IOneTimeTokens tokens,
    IUserRepository users,
    IUnitOfWork unitOfWork,
    IPublisher publisher,
    TimeProvider time) : ICommandHandler<ConfirmEmailVerificationCommand, Result>
{
    public async ValueTask<Result> Handle(ConfirmEmailVerificationCommand command, CancellationToken cancellationToken)
    {
        var redeemed = await tokens.RedeemAsync(command.Token!, [TokenPurposes.VerifyEmail], cancellationToken);
        if (!redeemed.IsSuccess)
        {
            return redeemed.Error!;
        }

        var user = await users.FindByIdAsync(redeemed.Value.UserId, cancellationToken);
        if (user is not { IsActive: true } || user.Email != redeemed.Value.Email)
        {
            return Error.InvalidToken;
        }

        var now = time.GetUtcNow();
        user.MarkEmailVerified(now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await publisher.Publish(new EmailVerified(user.Id, user.Email, now), cancellationToken);
        return Result.Ok;
    }
}
