using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.Common.Tokens;
using FullAuth.Domain.Tokens;
using Mediator;

namespace FullAuth.Application.Account.ConfirmEmailChange;

/// <summary>
/// Moves the account to the confirmed address (verified) and ends every session but the one that
/// asked for the change. 409 <c>conflict</c> if the address was taken meanwhile.
/// </summary>
public sealed class ConfirmEmailChangeCommandHandler(
    IOneTimeTokens tokens,
    IUserRepository users,
    IUnitOfWork unitOfWork,
    ISessionRevoker revoker,
    IPublisher publisher,
    TimeProvider time) : ICommandHandler<ConfirmEmailChangeCommand, Result<UserResponse>>
{
    public async ValueTask<Result<UserResponse>> Handle(ConfirmEmailChangeCommand command, CancellationToken cancellationToken)
    {
        var redeemed = await tokens.RedeemAsync(command.Token!, [TokenPurposes.EmailChange], cancellationToken);
        if (!redeemed.IsSuccess)
        {
            return redeemed.Error!;
        }

        var token = redeemed.Value;
        var user = await users.FindByIdAsync(token.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            return Error.InvalidToken;
        }

        if (await users.FindByEmailAsync(token.Email, cancellationToken) is not null)
        {
            return Error.Conflict;
        }

        var now = time.GetUtcNow();
        var oldEmail = user.Email;
        user.ChangeEmail(token.Email, now);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            return Error.Conflict;
        }

        await revoker.RevokeAllAsync(user.Id, token.SessionId, "email_changed", cancellationToken);
        await publisher.Publish(new EmailChanged(user.Id, oldEmail, user.Email, now), cancellationToken);
        return UserResponse.From(user);
    }
}
