using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Domain.Tokens;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.Account.ChangePassword;

/// <summary>
/// Changes (or sets a first) password. With a password, <c>current_password</c> is required and
/// checked; setting a first one needs recent authentication. The other sessions end at once.
/// </summary>
public sealed class ChangePasswordCommandHandler(
    IUserRepository users,
    IUnitOfWork unitOfWork,
    IPasswordHasher hasher,
    IOneTimeTokenRepository oneTimeTokens,
    IReauthentication reauthentication,
    ISessionRevoker revoker,
    IPublisher publisher,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<ChangePasswordCommand, Result>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Login");

    public async ValueTask<Result> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Caller.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            return Error.Unauthenticated;
        }

        Result check;
        if (user.HasPassword)
        {
            if (string.IsNullOrEmpty(command.CurrentPassword))
            {
                return Error.Validation("current_password", "Current password is required.");
            }

            check = await reauthentication.VerifyCurrentPasswordAsync(user, command.CurrentPassword, cancellationToken);
        }
        else
        {
            check = await reauthentication.RequireAsync(command.Caller, user, currentPassword: null, cancellationToken);
        }

        if (!check.IsSuccess)
        {
            return check;
        }

        var now = time.GetUtcNow();
        user.SetPasswordHash(await hasher.HashAsync(command.NewPassword!, cancellationToken), now);
        await oneTimeTokens.VoidUnusedAsync(user.Id, [TokenPurposes.PasswordReset], now, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        var revoked = await revoker.RevokeAllAsync(user.Id, command.Caller.SessionId, "password_changed", cancellationToken);
        _logger.LogInformation(LogEvents.PasswordChanged, "User {UserId} changed their password; {Revoked} other sessions ended", user.Id, revoked);
        await publisher.Publish(new PasswordChanged(user.Id, command.Client.IpAddress, command.Client.UserAgent, now), cancellationToken);
        return Result.Ok;
    }
}
