using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.OAuth.Common;
using FullAuth.Application.OAuth.ListAccounts;
using FullAuth.Domain.Common;
using FullAuth.Domain.OAuth;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.OAuth.CompleteLink;

/// <summary>
/// The state must have been started by this user and session. An identity already linked to another
/// account is 409 <c>conflict</c> (never naming it); one linked account per provider per user.
/// </summary>
public sealed class CompleteOAuthLinkCommandHandler(
    OAuthFlows flows,
    IOAuthAccountRepository accounts,
    IUserRepository users,
    IProviderTokenStore tokenStore,
    IUnitOfWork unitOfWork,
    IPublisher publisher,
    IOptions<OAuthOptions> oauthOptions,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<CompleteOAuthLinkCommand, Result<LinkedAccountResponse>>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(OAuthErrors.LogCategory);

    public async ValueTask<Result<LinkedAccountResponse>> Handle(CompleteOAuthLinkCommand command, CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        var completed = await flows.CompleteAsync(command.Provider, command.Code, command.State, command.BindingToken, OAuthFlow.Link, caller.UserId, caller.SessionId, cancellationToken);
        if (!completed.IsSuccess)
        {
            return completed.Error!;
        }

        var (provider, _, identity) = completed.Value;
        var user = await users.FindByIdAsync(caller.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            return Error.Unauthenticated;
        }

        var existing = await accounts.FindAsync(provider.Id, identity.ProviderUserId, cancellationToken);
        if (existing is not null)
        {
            if (existing.UserId == user.Id)
            {
                return LinkedAccountResponse.From(existing);
            }

            _logger.LogWarning("Link of {Provider} to user {UserId} refused: the identity is linked to another account", provider.Id, user.Id);
            return Error.Conflict;
        }

        if (await accounts.FindForUserAsync(user.Id, provider.Id, cancellationToken) is not null)
        {
            _logger.LogWarning("Link of {Provider} to user {UserId} refused: another {Provider} account is already linked", provider.Id, user.Id, provider.Id);
            return Error.Conflict;
        }

        var now = time.GetUtcNow();
        var link = new OAuthAccount(Ids.New(), user.Id, provider.Id, identity.ProviderUserId, ExternalProfile.Email(identity.Email), now);
        accounts.Add(link);
        if (oauthOptions.Value.StoreProviderTokens && identity.Tokens is not null)
        {
            tokenStore.Store(link, identity.Tokens);
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            _logger.LogWarning("Link of {Provider} to user {UserId} lost a race with another link", provider.Id, user.Id);
            return Error.Conflict;
        }

        _logger.LogInformation("User {UserId} linked {Provider}", user.Id, provider.Id);
        await publisher.Publish(new OAuthAccountLinked(user.Id, provider.Id, identity.ProviderUserId, NewAccount: false, now), cancellationToken);
        return LinkedAccountResponse.From(link);
    }
}
