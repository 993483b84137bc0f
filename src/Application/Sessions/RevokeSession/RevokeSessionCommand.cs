using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Sessions.RevokeSession;

public sealed record RevokeSessionCommand(Caller Caller, string SessionId) : ICommand<Result>;
