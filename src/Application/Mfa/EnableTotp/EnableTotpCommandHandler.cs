using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Mfa;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Mfa.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.Mfa.EnableTotp;

/// <summary>
/// The code proves the device holds the pending secret; its time step counts as used (it cannot sign
/// in afterwards). Wrong codes here do not count toward the second-step lockout: the secret is not in force yet.
/// </summary>
public sealed class EnableTotpCommandHandler(
    IUserRepository users,
    IUnitOfWork unitOfWork,
    ITotpAuthenticator totp,
    ISecretProtector protector,
    IMfaRepository mfa,
    IAuditTrail audit,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<EnableTotpCommand, Result<RecoveryCodesResponse>>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Mfa");

    public async ValueTask<Result<RecoveryCodesResponse>> Handle(EnableTotpCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Caller.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            return Error.Unauthenticated;
        }

        if (user.MfaEnabled || user.PendingTotpSecret is null)
        {
            return Error.Conflict;
        }

        var step = totp.Match(protector.Unprotect(user.PendingTotpSecret), command.Code!, lastUsedStep: null);
        if (step is null)
        {
            _logger.LogInformation("TOTP enrollment of user {UserId}: wrong code", user.Id);
            return Error.InvalidCode;
        }

        var now = time.GetUtcNow();
        var codes = RecoveryCodes.Generate();
        user.EnableTotp(step.Value, now);
        await mfa.ReplaceRecoveryCodesAsync(user.Id, codes.Select(RecoveryCodes.Digest).ToList(), now, cancellationToken);
        audit.RecordByUser(user.Id, "mfa.enabled", user.Id, command.Client.IpAddress, null);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await audit.PublishAsync(cancellationToken);
        _logger.LogInformation("User {UserId} turned TOTP on", user.Id);
        return new RecoveryCodesResponse(codes);
    }
}
