using FullAuth.Application.Admin.Common;
using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Admin.ResetUserMfa;

/// <summary>Turns two-factor authentication off for a user who lost their device (TOTP itself comes with the MFA feature).</summary>
public sealed class ResetUserMfaCommandHandler(AdminGuard guard, IUnitOfWork unitOfWork, IAuditTrail audit, TimeProvider time)
    : ICommandHandler<ResetUserMfaCommand, Result>
{
    public async ValueTask<Result> Handle(ResetUserMfaCommand command, CancellationToken cancellationToken)
    {
        var target = await guard.TargetAsync(command.Caller, command.UserId, cancellationToken);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        target.Value.DisableMfa(time.GetUtcNow());
        audit.Record(command.Caller, "user.mfa_reset", command.UserId, command.Client.IpAddress, null);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await audit.PublishAsync(cancellationToken);
        return Result.Ok;
    }
}
