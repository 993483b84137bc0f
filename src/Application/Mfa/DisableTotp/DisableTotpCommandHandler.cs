using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Mfa;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.Mfa.DisableTotp;

/// <summary>
/// Proof: a correct <c>current_password</c> (which also stands in for recent authentication; wrong is
/// 403 <c>invalid_current_password</c>), else recent authentication plus a current code (wrong is 401
/// <c>invalid_code</c>, counted like a sign-in code). Audited; the user gets a notice mail.
/// </summary>
public sealed class DisableTotpCommandHandler(
    IUserRepository users,
    IUnitOfWork unitOfWork,
    IReauthentication reauthentication,
    ISecondFactor secondFactor,
    IMfaRepository mfa,
    IAuditTrail audit,
    IPublisher publisher,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<DisableTotpCommand, Result>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Mfa");

    public async ValueTask<Result> Handle(DisableTotpCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Caller.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            return Error.Unauthenticated;
        }

        var byPassword = command.CurrentPassword is not null && user.HasPassword;
        if (byPassword)
        {
            var password = await reauthentication.VerifyCurrentPasswordAsync(user, command.CurrentPassword!, cancellationToken);
            if (!password.IsSuccess)
            {
                return password;
            }
        }
        else
        {
            var recent = await reauthentication.RequireAsync(command.Caller, user, currentPassword: null, cancellationToken);
            if (!recent.IsSuccess)
            {
                return recent;
            }

            if (command.Code is null)
            {
                return Error.Validation("code", "Code is required for an account without a password.");
            }
        }

        if (!user.MfaEnabled)
        {
            return Error.Conflict;
        }

        if (!byPassword && await secondFactor.VerifyTotpAsync(user, command.Code!, cancellationToken) != CodeCheck.Accepted)
        {
            return Error.InvalidCode;
        }

        var now = time.GetUtcNow();
        user.DisableMfa(now);
        await mfa.DeleteRecoveryCodesAsync(user.Id, cancellationToken);
        audit.RecordByUser(user.Id, "mfa.disabled", user.Id, command.Client.IpAddress, byPassword ? "proof: password" : "proof: code");
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await audit.PublishAsync(cancellationToken);
        _logger.LogInformation("User {UserId} turned two-factor authentication off", user.Id);
        await publisher.Publish(new MfaDisabled(user.Id, ByAdmin: false, command.Client.IpAddress, command.Client.UserAgent, now), cancellationToken);
        return Result.Ok;
    }
}
