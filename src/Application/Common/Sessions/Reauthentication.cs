using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Domain.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Common.Sessions;

public sealed class Reauthentication(
    IPasswordHasher hasher,
    ILockoutStore lockout,
    IOptions<LockoutOptions> lockoutOptions,
    IOptions<SecurityOptions> securityOptions,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IReauthentication
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Lockout");

    public async Task<Result> RequireAsync(Caller caller, User user, string? currentPassword, CancellationToken cancellationToken)
    {
        if (currentPassword is not null && user.HasPassword)
        {
            return await VerifyCurrentPasswordAsync(user, currentPassword, cancellationToken);
        }

        return time.GetUtcNow() - caller.AuthTime <= securityOptions.Value.ReauthenticationWindow
            ? Result.Ok
            : Error.ReauthenticationRequired;
    }

    public async Task<Result> VerifyCurrentPasswordAsync(User user, string currentPassword, CancellationToken cancellationToken)
    {
        if (await lockout.IsLockedAsync(user.Email, cancellationToken))
        {
            await hasher.VerifyAsync(currentPassword, null, cancellationToken);
            return Error.InvalidCurrentPassword;
        }

        var verification = await hasher.VerifyAsync(currentPassword, user.PasswordHash, cancellationToken);
        if (verification == PasswordVerification.Failed)
        {
            var settings = lockoutOptions.Value;
            if (await lockout.RecordFailureAsync(user.Email, settings.MaxFailedAttempts, settings.Duration, cancellationToken))
            {
                FullAuthTelemetry.Lockouts.Add(1, FullAuthTelemetry.Tag("source", "reauthentication"));
                _logger.LogWarning(LogEvents.LockedOut, "User {UserId} locked out after failed current-password checks", user.Id);
            }

            return Error.InvalidCurrentPassword;
        }

        return Result.Ok;
    }
}
