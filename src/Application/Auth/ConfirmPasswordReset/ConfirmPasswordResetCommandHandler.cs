using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.Common.Tokens;
using FullAuth.Domain.Tokens;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.Auth.ConfirmPasswordReset;

/// <summary>
/// Sets a new password from a reset (or invitation) link: every session ends, the email counts as
/// verified, lockout is cleared, and it does not sign in. If the address had never been verified,
/// whatever was set up before the owner proved the mailbox (linked providers, passkeys) is dropped.
/// </summary>
public sealed class ConfirmPasswordResetCommandHandler(
    IOneTimeTokens tokens,
    IUserRepository users,
    ICredentialRepository credentials,
    IOneTimeTokenRepository tokenRepository,
    IUnitOfWork unitOfWork,
    IPasswordHasher hasher,
    ILockoutStore lockout,
    ISessionRevoker revoker,
    IPublisher publisher,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<ConfirmPasswordResetCommand, Result>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Login");

    public async ValueTask<Result> Handle(ConfirmPasswordResetCommand command, CancellationToken cancellationToken)
    {
        var redeemed = await tokens.RedeemAsync(command.Token!, [TokenPurposes.PasswordReset, TokenPurposes.Invitation], cancellationToken);
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
        var hash = await hasher.HashAsync(command.NewPassword!, cancellationToken);
        var wasVerified = user.EmailVerified;
        if (!wasVerified)
        {
            var dropped = await credentials.RemoveExternalCredentialsAsync(user.Id, cancellationToken);
            _logger.LogInformation("User {UserId} proved an unverified address: {Dropped} earlier credentials dropped", user.Id, dropped);
        }

        user.SetPasswordHash(hash, now);
        user.MarkEmailVerified(now);
        await tokenRepository.VoidUnusedAsync(user.Id, [TokenPurposes.PasswordReset, TokenPurposes.Invitation], now, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await lockout.ResetAsync(user.Email, cancellationToken);
        var revoked = await revoker.RevokeAllAsync(user.Id, exceptSessionId: null, "password_reset", cancellationToken);
        _logger.LogInformation(LogEvents.PasswordReset, "User {UserId} reset their password; {Revoked} sessions ended", user.Id, revoked);
        await publisher.Publish(new PasswordChanged(user.Id, command.Client.IpAddress, command.Client.UserAgent, now), cancellationToken);
        if (!wasVerified)
        {
            await publisher.Publish(new EmailVerified(user.Id, user.Email, now), cancellationToken);
        }
        return Result.Ok;
    }
}
