using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Sessions.RevokeOtherSessions;
using Mediator;

namespace FullAuth.Application.Admin.RevokeUserSessions;

public sealed record RevokeUserSessionsCommand(Caller Caller, string UserId, ClientInfo Client)
    : ICommand<Result<RevokeOtherSessionsResponse>>, IRequirePermission
{
    public string RequiredPermission => Permissions.UsersWrite;
}
