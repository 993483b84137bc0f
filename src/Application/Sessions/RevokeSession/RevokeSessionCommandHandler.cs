using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using Mediator;

namespace FullAuth.Application.Sessions.RevokeSession;

/// <summary>Ends one of the caller's sessions (the current one = logout); another user's is 404.</summary>
public sealed class RevokeSessionCommandHandler(
    IRefreshTokenRepository refreshTokens,
    ISessionRevoker revoker,
    IPublisher publisher,
    TimeProvider time) : ICommandHandler<RevokeSessionCommand, Result>
{
    public async ValueTask<Result> Handle(RevokeSessionCommand command, CancellationToken cancellationToken)
    {
        var sessions = await refreshTokens.ListActiveSessionsAsync(command.Caller.UserId, time.GetUtcNow(), cancellationToken);
        if (!sessions.Any(s => s.FamilyId == command.SessionId))
        {
            return Error.NotFound;
        }

        await revoker.RevokeAsync(command.Caller.UserId, command.SessionId, "revoked_by_user", cancellationToken);
        if (command.SessionId == command.Caller.SessionId)
        {
            await publisher.Publish(new UserSignedOut(command.Caller.UserId, command.SessionId, time.GetUtcNow()), cancellationToken);
        }

        return Result.Ok;
    }
}
