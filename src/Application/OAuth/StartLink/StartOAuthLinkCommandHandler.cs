using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.OAuth.Common;
using Mediator;

namespace FullAuth.Application.OAuth.StartLink;

public sealed class StartOAuthLinkCommandHandler(
    IOAuthProviderRegistry providers,
    IUserRepository users,
    IReauthentication reauthentication,
    OAuthFlows flows) : ICommandHandler<StartOAuthLinkCommand, Result<OAuthAuthorization>>
{
    public async ValueTask<Result<OAuthAuthorization>> Handle(StartOAuthLinkCommand command, CancellationToken cancellationToken)
    {
        if (providers.Find(command.Provider) is null)
        {
            return Error.NotFound;
        }

        var recent = await reauthentication.RecentUserAsync(users, command.Caller, cancellationToken);
        if (!recent.IsSuccess)
        {
            return recent.Error!;
        }

        var user = recent.Value;

        return await flows.StartAsync(command.Provider, command.RedirectUri, OAuthFlow.Link, rememberMe: false, user.Id, command.Caller.SessionId, cancellationToken);
    }
}
