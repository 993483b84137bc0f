using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Sessions.ListSessions;

public sealed class ListSessionsQueryHandler(IRefreshTokenRepository refreshTokens, TimeProvider time)
    : IQueryHandler<ListSessionsQuery, Result<IReadOnlyList<SessionResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<SessionResponse>>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var active = await refreshTokens.ListActiveSessionsAsync(query.Caller.UserId, time.GetUtcNow(), cancellationToken);
        IReadOnlyList<SessionResponse> sessions = active
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new SessionResponse(
                t.FamilyId,
                t.SessionCreatedAt,
                t.CreatedAt,
                t.ExpiresAt,
                t.IpAddress,
                t.UserAgent,
                t.FamilyId == query.Caller.SessionId,
                t.AmrValues))
            .ToList();
        return Result<IReadOnlyList<SessionResponse>>.Success(sessions);
    }
}
