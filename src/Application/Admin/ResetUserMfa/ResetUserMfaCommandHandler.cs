using FullAuth.Application.Admin.Common;
using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Mfa;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Admin.ResetUserMfa;

/// <summary>
/// Turns two-factor authentication off for a user who lost their device: the TOTP secret (active and
/// pending), the recovery codes and the failed-code counter go. Audited; the user gets a notice mail.
/// </summary>
public sealed class ResetUserMfaCommandHandler(
    AdminGuard guard,
    IUnitOfWork unitOfWork,
    IMfaRepository mfa,
    ISecondFactor secondFactor,
    IAuditTrail audit,
    IPublisher publisher,
    TimeProvider time)
    : ICommandHandler<ResetUserMfaCommand, Result>
{
    public async ValueTask<Result> Handle(ResetUserMfaCommand command, CancellationToken cancellationToken)
    {
        var target = await guard.TargetAsync(command.Caller, command.UserId, cancellationToken);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        var now = time.GetUtcNow();
        var wasEnabled = target.Value.MfaEnabled;
        target.Value.DisableMfa(now);
        await mfa.DeleteRecoveryCodesAsync(command.UserId, cancellationToken);
        audit.Record(command.Caller, "user.mfa_reset", command.UserId, command.Client.IpAddress, null);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await audit.PublishAsync(cancellationToken);
        await secondFactor.ResetFailuresAsync(command.UserId, cancellationToken);
        if (wasEnabled)
        {
            await publisher.Publish(new MfaDisabled(command.UserId, ByAdmin: true, command.Client.IpAddress, command.Client.UserAgent, now), cancellationToken);
        }

        return Result.Ok;
    }
}
