using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Domain.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Common.Mfa;

public enum CodeCheck
{
    Accepted,

    /// <summary>Wrong or replayed; counted.</summary>
    Wrong,

    /// <summary>Wrong, and this failure locked the second step.</summary>
    WrongNowLocked,

    /// <summary>The second step is locked: nothing was checked.</summary>
    Locked,
}

/// <summary>
/// Checks a TOTP or recovery code of a user with TOTP on. Every failure counts toward one per-user
/// counter (<c>mfa:{userId}</c> in the lockout store, whatever <c>mfa_token</c> or route it came
/// through); 5 failures lock the second step for <c>Lockout:Duration</c>. A code is accepted once:
/// the step is recorded with a conditional update, so two requests racing with one code cannot both win.
/// </summary>
public interface ISecondFactor
{
    Task<CodeCheck> VerifyTotpAsync(User user, string code, CancellationToken cancellationToken);

    Task<CodeCheck> UseRecoveryCodeAsync(User user, string code, CancellationToken cancellationToken);

    /// <summary>Clears the failure counter (an admin reset).</summary>
    Task ResetFailuresAsync(string userId, CancellationToken cancellationToken);
}

public sealed class SecondFactor(
    ITotpAuthenticator totp,
    ISecretProtector protector,
    IMfaRepository repository,
    ILockoutStore lockout,
    IOptions<LockoutOptions> lockoutOptions,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ISecondFactor
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Mfa");

    public static string LockoutKey(string userId) => "mfa:" + userId;

    public async Task<CodeCheck> VerifyTotpAsync(User user, string code, CancellationToken cancellationToken)
    {
        if (user.TotpSecret is null)
        {
            return CodeCheck.Wrong;
        }

        if (await lockout.IsLockedAsync(LockoutKey(user.Id), cancellationToken))
        {
            return CodeCheck.Locked;
        }

        var step = totp.Match(protector.Unprotect(user.TotpSecret), code, user.TotpLastUsedStep);
        if (step is { } accepted && await repository.TryAdvanceTotpStepAsync(user.Id, accepted, cancellationToken))
        {
            await lockout.ResetAsync(LockoutKey(user.Id), cancellationToken);
            return CodeCheck.Accepted;
        }

        return await FailAsync(user, step is null ? "wrong_code" : "replayed_code", cancellationToken);
    }

    public async Task<CodeCheck> UseRecoveryCodeAsync(User user, string code, CancellationToken cancellationToken)
    {
        if (await lockout.IsLockedAsync(LockoutKey(user.Id), cancellationToken))
        {
            return CodeCheck.Locked;
        }

        if (await repository.TryUseRecoveryCodeAsync(user.Id, RecoveryCodes.Digest(code), time.GetUtcNow(), cancellationToken))
        {
            await lockout.ResetAsync(LockoutKey(user.Id), cancellationToken);
            return CodeCheck.Accepted;
        }

        return await FailAsync(user, "wrong_recovery_code", cancellationToken);
    }

    public Task ResetFailuresAsync(string userId, CancellationToken cancellationToken) =>
        lockout.ResetAsync(LockoutKey(userId), cancellationToken).AsTask();

    private async Task<CodeCheck> FailAsync(User user, string reason, CancellationToken cancellationToken)
    {
        var settings = lockoutOptions.Value;
        _logger.LogWarning("Second factor of user {UserId} refused: {Reason}", user.Id, reason);
        if (await lockout.RecordFailureAsync(LockoutKey(user.Id), MfaOptions.MaxFailedCodes, settings.Duration, cancellationToken))
        {
            _logger.LogWarning("Second step of user {UserId} locked for {Duration} after {Attempts} wrong codes", user.Id, settings.Duration, MfaOptions.MaxFailedCodes);
            return CodeCheck.WrongNowLocked;
        }

        return CodeCheck.Wrong;
    }
}
