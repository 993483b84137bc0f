using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Sessions.RevokeOtherSessions;

public sealed record RevokeOtherSessionsCommand(Caller Caller) : ICommand<Result<RevokeOtherSessionsResponse>>;

public sealed record RevokeOtherSessionsResponse(int Revoked);
