using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Admin.ResetUserMfa;

public sealed record ResetUserMfaCommand(Caller Caller, string UserId, ClientInfo Client) : ICommand<Result>, IRequirePermission
{
    public string RequiredPermission => Permissions.UsersWrite;
}
