using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Sessions.ListSessions;

public sealed record ListSessionsQuery(Caller Caller) : IQuery<Result<IReadOnlyList<SessionResponse>>>;
