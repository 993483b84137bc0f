using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using Mediator;

namespace FullAuth.Application.Sessions.RevokeOtherSessions;

public sealed class RevokeOtherSessionsCommandHandler(ISessionRevoker revoker)
    : ICommandHandler<RevokeOtherSessionsCommand, Result<RevokeOtherSessionsResponse>>
{
    public async ValueTask<Result<RevokeOtherSessionsResponse>> Handle(RevokeOtherSessionsCommand command, CancellationToken cancellationToken)
    {
        var revoked = await revoker.RevokeAllAsync(command.Caller.UserId, command.Caller.SessionId, "revoked_by_user", cancellationToken);
        return new RevokeOtherSessionsResponse(revoked);
    }
}
