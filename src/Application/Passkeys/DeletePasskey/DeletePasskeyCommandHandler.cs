using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.OAuth.Common;
using FullAuth.Application.Passkeys.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.Passkeys.DeletePasskey;

/// <summary>
/// Removes one of the caller's passkeys unless it is the only way into the account (no password, no
/// linked provider, no other passkey): 400 <c>last_login_method</c>. Unknown or another user's: 404.
/// </summary>
public sealed class DeletePasskeyCommandHandler(
    IUserRepository users,
    IPasskeyRepository passkeys,
    IOAuthAccountRepository oauthAccounts,
    IReauthentication reauthentication,
    IUnitOfWork unitOfWork,
    IPublisher publisher,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<DeletePasskeyCommand, Result>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(LogCategories.Passkey);

    public async ValueTask<Result> Handle(DeletePasskeyCommand command, CancellationToken cancellationToken)
    {
        var recent = await reauthentication.RecentUserAsync(users, command.Caller, cancellationToken);
        if (!recent.IsSuccess)
        {
            return recent.Error!;
        }

        var user = recent.Value;

        var passkey = await passkeys.FindForUserAsync(user.Id, command.Id, cancellationToken);
        if (passkey is null)
        {
            return Error.NotFound;
        }

        if (!user.HasPassword
            && (await passkeys.ListForUserAsync(user.Id, cancellationToken)).Count == 1
            && (await oauthAccounts.ListForUserAsync(user.Id, cancellationToken)).Count == 0)
        {
            _logger.LogInformation("Removing passkey {PasskeyId} of user {UserId} refused: last login method", passkey.Id, user.Id);
            return OAuthErrors.LastLoginMethod;
        }

        passkeys.Remove(passkey);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        _logger.LogInformation("User {UserId} removed passkey {PasskeyId}", user.Id, passkey.Id);
        await publisher.Publish(new PasskeyRemoved(user.Id, passkey.Id, time.GetUtcNow()), cancellationToken);
        return Result.Ok;
    }
}
