using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Domain.Common;
using FullAuth.Domain.Sessions;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Auth.Register;

public sealed class RegisterCommandHandler(
    IUserRepository users,
    IUnitOfWork unitOfWork,
    IPasswordHasher hasher,
    ISessionIssuer sessions,
    IPublisher publisher,
    IOptions<FullAuthOptions> options,
    IOptions<RegistrationOptions> registrationOptions,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<RegisterCommand, Result<RegisterResult>>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Login");

    public async ValueTask<Result<RegisterResult>> Handle(RegisterCommand command, CancellationToken cancellationToken)
    {
        var registration = registrationOptions.Value;
        if (!registration.Enabled)
        {
            return Error.Forbidden;
        }

        var preventEnumeration = registration.PreventEnumeration ?? options.Value.PreventEnumeration;
        var email = EmailAddress.Normalize(command.Email!);
        var now = time.GetUtcNow();

        // The hash is computed whether or not the address is taken, so both answers cost the same.
        var hash = await hasher.HashAsync(command.Password!, cancellationToken);
        var existing = await users.FindByEmailAsync(email, cancellationToken);
        if (existing is not null)
        {
            return await DuplicateAsync(existing, preventEnumeration, now, cancellationToken);
        }

        var user = new User(Ids.New(), email, command.Name, now);
        user.SetPasswordHash(hash, now);
        users.Add(user);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // Lost a race with a concurrent registration of the same address.
            var winner = await users.FindByEmailAsync(email, cancellationToken);
            return winner is null ? Error.Conflict : await DuplicateAsync(winner, preventEnumeration, now, cancellationToken);
        }

        _logger.LogInformation(LogEvents.Registered, "User {UserId} registered", user.Id);
        await publisher.Publish(new UserRegistered(user.Id, user.Email, now), cancellationToken);

        if (preventEnumeration)
        {
            return new RegisterResult(RegisterOutcome.Accepted);
        }

        if (registration.RequireVerifiedEmail)
        {
            return new RegisterResult(RegisterOutcome.Created, User: UserResponse.From(user));
        }

        var signIn = await sessions.SignInAsync(user, [AuthMethods.Password], rememberMe: false, command.Client, cancellationToken);
        return signIn.IsSuccess ? new RegisterResult(RegisterOutcome.SignedIn, signIn.Value) : signIn.Error!;
    }

    private async Task<Result<RegisterResult>> DuplicateAsync(User existing, bool preventEnumeration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!preventEnumeration)
        {
            return Error.Conflict;
        }

        _logger.LogInformation("Registration attempted for the existing account {UserId}", existing.Id);
        await publisher.Publish(new RegistrationAttemptedForExistingEmail(existing.Id, existing.Email, now), cancellationToken);
        return new RegisterResult(RegisterOutcome.Accepted);
    }
}
