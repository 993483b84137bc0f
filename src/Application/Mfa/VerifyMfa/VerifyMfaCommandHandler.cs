using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Mfa;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Domain.Sessions;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.Mfa.VerifyMfa;

/// <summary>
/// Takes the <c>mfa_token</c> (single use): unknown, expired, used, or the user's second step locked →
/// 401 <c>mfa_token_invalid</c>. A wrong or replayed code → 401 <c>invalid_code</c> and the token is put
/// back for its remaining lifetime, unless that failure locked the second step. Success starts the
/// session with the first factor's <c>amr</c> plus <c>otp</c> and <c>mfa</c>; a used recovery code is
/// audited and mailed about.
/// </summary>
public sealed class VerifyMfaCommandHandler(
    IMfaTokens tokens,
    IUserRepository users,
    ISecondFactor secondFactor,
    IMfaRepository mfa,
    ISessionIssuer sessions,
    IAuditTrail audit,
    IUnitOfWork unitOfWork,
    IPublisher publisher,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<VerifyMfaCommand, Result<SignInResult>>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Mfa");

    public async ValueTask<Result<SignInResult>> Handle(VerifyMfaCommand command, CancellationToken cancellationToken)
    {
        var ticket = await tokens.TakeAsync(command.MfaToken!, cancellationToken);
        if (ticket is null)
        {
            _logger.LogWarning("MFA verification refused: unknown, expired or used mfa_token");
            return Error.MfaTokenInvalid;
        }

        var user = await users.FindByIdAsync(ticket.UserId, cancellationToken);
        if (user is not { IsActive: true, MfaEnabled: true })
        {
            _logger.LogWarning("MFA verification refused for user {UserId}: inactive, deleted or MFA turned off", ticket.UserId);
            return Error.MfaTokenInvalid;
        }

        var byRecoveryCode = command.RecoveryCode is not null;
        var check = byRecoveryCode
            ? await secondFactor.UseRecoveryCodeAsync(user, command.RecoveryCode!, cancellationToken)
            : await secondFactor.VerifyTotpAsync(user, command.Code!, cancellationToken);
        switch (check)
        {
            case CodeCheck.Locked:
                return Error.MfaTokenInvalid;
            case CodeCheck.WrongNowLocked:
                return Error.InvalidCode;
            case CodeCheck.Wrong:
                await tokens.ReturnAsync(command.MfaToken!, ticket, cancellationToken);
                return Error.InvalidCode;
        }

        if (byRecoveryCode)
        {
            var remaining = await mfa.CountUnusedRecoveryCodesAsync(user.Id, cancellationToken);
            audit.RecordByUser(user.Id, "mfa.recovery_code_used", user.Id, command.Client.IpAddress, $"remaining: {remaining}");
            await unitOfWork.SaveChangesAsync(cancellationToken);
            await audit.PublishAsync(cancellationToken);
            await publisher.Publish(new RecoveryCodeUsed(user.Id, remaining, command.Client.IpAddress, command.Client.UserAgent, time.GetUtcNow()), cancellationToken);
        }

        List<string> amr = [.. ticket.Amr.Where(a => a is not (AuthMethods.Otp or AuthMethods.Mfa)), AuthMethods.Otp, AuthMethods.Mfa];
        return await sessions.StartSessionAsync(user, amr, ticket.RememberMe, command.Client, cancellationToken);
    }
}
