using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Mfa;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Mfa.Common;
using Mediator;

namespace FullAuth.Application.Mfa.RegenerateRecoveryCodes;

/// <summary>A wrong code is 401 <c>invalid_code</c> and counts toward the second-step lockout. Audited; notice mail.</summary>
public sealed class RegenerateRecoveryCodesCommandHandler(
    IUserRepository users,
    IUnitOfWork unitOfWork,
    ISecondFactor secondFactor,
    IMfaRepository mfa,
    IAuditTrail audit,
    IPublisher publisher,
    TimeProvider time) : ICommandHandler<RegenerateRecoveryCodesCommand, Result<RecoveryCodesResponse>>
{
    public async ValueTask<Result<RecoveryCodesResponse>> Handle(RegenerateRecoveryCodesCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Caller.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            return Error.Unauthenticated;
        }

        if (!user.MfaEnabled)
        {
            return Error.Conflict;
        }

        if (await secondFactor.VerifyTotpAsync(user, command.Code!, cancellationToken) != CodeCheck.Accepted)
        {
            return Error.InvalidCode;
        }

        var now = time.GetUtcNow();
        var codes = RecoveryCodes.Generate();
        await mfa.ReplaceRecoveryCodesAsync(user.Id, codes.Select(RecoveryCodes.Digest).ToList(), now, cancellationToken);
        audit.RecordByUser(user.Id, "mfa.recovery_codes_regenerated", user.Id, command.Client.IpAddress, null);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await audit.PublishAsync(cancellationToken);
        await publisher.Publish(new RecoveryCodesRegenerated(user.Id, command.Client.IpAddress, command.Client.UserAgent, now), cancellationToken);
        return new RecoveryCodesResponse(codes);
    }
}
