using FullAuth.Application.Common.Results;
using FullAuth.Application.OAuth.Common;
using Mediator;

namespace FullAuth.Application.OAuth.StartSignIn;

public sealed class StartOAuthSignInCommandHandler(OAuthFlows flows) : ICommandHandler<StartOAuthSignInCommand, Result<OAuthAuthorization>>
{
    public async ValueTask<Result<OAuthAuthorization>> Handle(StartOAuthSignInCommand command, CancellationToken cancellationToken) =>
        await flows.StartAsync(command.Provider, command.RedirectUri, OAuthFlow.SignIn, command.RememberMe, userId: null, sessionId: null, cancellationToken);
}
