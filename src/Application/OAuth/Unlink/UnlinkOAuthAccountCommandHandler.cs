using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.OAuth.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.OAuth.Unlink;

/// <summary>
/// Removes a link unless it is the only way into the account (no password, no other link, no
/// passkey): 400 <c>last_login_method</c>. Unknown or not linked: 404.
/// </summary>
public sealed class UnlinkOAuthAccountCommandHandler(
    IOAuthAccountRepository accounts,
    IUserRepository users,
    IReauthentication reauthentication,
    IUnitOfWork unitOfWork,
    IPublisher publisher,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<UnlinkOAuthAccountCommand, Result>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(OAuthErrors.LogCategory);

    public async ValueTask<Result> Handle(UnlinkOAuthAccountCommand command, CancellationToken cancellationToken)
    {
        var recent = await reauthentication.RecentUserAsync(users, command.Caller, cancellationToken);
        if (!recent.IsSuccess)
        {
            return recent.Error!;
        }

        var user = recent.Value;

        var linked = await accounts.ListForUserAsync(user.Id, cancellationToken);
        var link = linked.FirstOrDefault(a => a.Provider == command.Provider);
        if (link is null)
        {
            return Error.NotFound;
        }

        if (!user.HasPassword && linked.Count == 1 && !await accounts.HasPasskeyAsync(user.Id, cancellationToken))
        {
            _logger.LogInformation("Unlink of {Provider} by user {UserId} refused: last login method", command.Provider, user.Id);
            return OAuthErrors.LastLoginMethod;
        }

        accounts.Remove(link);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        _logger.LogInformation("User {UserId} unlinked {Provider}", user.Id, command.Provider);
        await publisher.Publish(new OAuthAccountUnlinked(user.Id, command.Provider, time.GetUtcNow()), cancellationToken);
        return Result.Ok;
    }
}
