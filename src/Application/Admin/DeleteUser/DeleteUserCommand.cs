using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Admin.DeleteUser;

public sealed record DeleteUserCommand(Caller Caller, string UserId, ClientInfo Client) : ICommand<Result>, IRequirePermission
{
    public string RequiredPermission => Permissions.UsersWrite;
}
