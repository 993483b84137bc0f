using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Security;
using FullAuth.Application.Common.Sessions;
using FullAuth.Domain.Sessions;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Auth.Login;

/// <summary>
/// Order (API.md): rate limit (behaviour) → lockout → password → active → verified → sign-in policy.
/// Every credential failure is the same 401 and costs one hash.
/// </summary>
public sealed class LoginCommandHandler(
    IUserRepository users,
    IUnitOfWork unitOfWork,
    IPasswordHasher hasher,
    ILockoutStore lockout,
    ISessionIssuer sessions,
    IOptions<LockoutOptions> lockoutOptions,
    IOptions<RegistrationOptions> registrationOptions,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<LoginCommand, Result<SignInResult>>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Login");
    private readonly ILogger _lockoutLogger = loggerFactory.CreateLogger("FullAuth.Lockout");

    public async ValueTask<Result<SignInResult>> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(command.Email!);
        var masked = OpaqueToken.MaskEmail(email);

        if (await lockout.IsLockedAsync(email, cancellationToken))
        {
            await hasher.VerifyAsync(command.Password!, null, cancellationToken);
            _logger.LogWarning(LogEvents.LoginLockedOut, "Login refused for {Email}: locked out", masked);
            FullAuthTelemetry.SignIns.Add(1, FullAuthTelemetry.Tag("method", AuthMethods.Password), FullAuthTelemetry.Tag("outcome", "locked_out"));
            return Error.InvalidCredentials;
        }

        // The attempt is counted before the password is checked (and cleared on success), so concurrent
        // guesses cannot all pass the check above: at most MaxFailedAttempts reach the stored hash.
        var settings = lockoutOptions.Value;
        var lockedNow = await lockout.RecordFailureAsync(email, settings.MaxFailedAttempts, settings.Duration, cancellationToken);
        if (!lockedNow && await lockout.IsLockedAsync(email, cancellationToken))
        {
            await hasher.VerifyAsync(command.Password!, null, cancellationToken);
            _logger.LogWarning(LogEvents.LoginLockedOut, "Login refused for {Email}: locked out", masked);
            FullAuthTelemetry.SignIns.Add(1, FullAuthTelemetry.Tag("method", AuthMethods.Password), FullAuthTelemetry.Tag("outcome", "locked_out"));
            return Error.InvalidCredentials;
        }

        var user = await users.FindByEmailAsync(email, cancellationToken);
        var verification = await hasher.VerifyAsync(command.Password!, user?.PasswordHash, cancellationToken);
        if (user is null || verification == PasswordVerification.Failed)
        {
            _logger.LogWarning(LogEvents.LoginFailed, "Login failed for {Email}: {Reason}", masked, user is null ? "unknown_email" : "wrong_password");
            FullAuthTelemetry.SignIns.Add(1, FullAuthTelemetry.Tag("method", AuthMethods.Password), FullAuthTelemetry.Tag("outcome", "invalid_credentials"));
            if (lockedNow)
            {
                FullAuthTelemetry.Lockouts.Add(1, FullAuthTelemetry.Tag("source", "login"));
                _lockoutLogger.LogWarning(LogEvents.LockedOut, "{Email} locked out for {Duration} after {Attempts} failures", masked, settings.Duration, settings.MaxFailedAttempts);
            }

            return Error.InvalidCredentials;
        }

        if (!user.IsActive)
        {
            _logger.LogWarning(LogEvents.LoginInactive, "Login refused for user {UserId}: inactive", user.Id);
            FullAuthTelemetry.SignIns.Add(1, FullAuthTelemetry.Tag("method", AuthMethods.Password), FullAuthTelemetry.Tag("outcome", "inactive"));
            return Error.InvalidCredentials;
        }

        await lockout.ResetAsync(email, cancellationToken);

        if (verification == PasswordVerification.SuccessRehashNeeded)
        {
            user.SetPasswordHash(await hasher.HashAsync(command.Password!, cancellationToken), time.GetUtcNow());
            await unitOfWork.SaveChangesAsync(cancellationToken);
            _logger.LogInformation("Password hash of user {UserId} upgraded", user.Id);
        }

        if (registrationOptions.Value.RequireVerifiedEmail && !user.EmailVerified)
        {
            _logger.LogInformation(LogEvents.LoginEmailNotVerified, "Login refused for user {UserId}: email not verified", user.Id);
            FullAuthTelemetry.SignIns.Add(1, FullAuthTelemetry.Tag("method", AuthMethods.Password), FullAuthTelemetry.Tag("outcome", "email_not_verified"));
            return Error.EmailNotVerified;
        }

        return await sessions.SignInAsync(user, [AuthMethods.Password], command.RememberMe, command.Client, cancellationToken);
    }
}
