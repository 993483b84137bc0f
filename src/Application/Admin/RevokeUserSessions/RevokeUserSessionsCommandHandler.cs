using FullAuth.Application.Admin.Common;
using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.Sessions.RevokeOtherSessions;
using Mediator;

namespace FullAuth.Application.Admin.RevokeUserSessions;

public sealed class RevokeUserSessionsCommandHandler(AdminGuard guard, IUnitOfWork unitOfWork, ISessionRevoker revoker, IAuditTrail audit)
    : ICommandHandler<RevokeUserSessionsCommand, Result<RevokeOtherSessionsResponse>>
{
    public async ValueTask<Result<RevokeOtherSessionsResponse>> Handle(RevokeUserSessionsCommand command, CancellationToken cancellationToken)
    {
        var target = await guard.TargetAsync(command.Caller, command.UserId, cancellationToken);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        var revoked = await revoker.RevokeAllAsync(command.UserId, exceptSessionId: null, "revoked_by_admin", cancellationToken);
        audit.Record(command.Caller, "user.sessions_revoked", command.UserId, command.Client.IpAddress, $"revoked: {revoked}");
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await audit.PublishAsync(cancellationToken);
        return new RevokeOtherSessionsResponse(revoked);
    }
}
