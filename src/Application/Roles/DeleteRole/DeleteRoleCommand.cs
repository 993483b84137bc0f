using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Roles.DeleteRole;

public sealed record DeleteRoleCommand(Caller Caller, string Name, ClientInfo Client) : ICommand<Result>, IRequirePermission
{
    public string RequiredPermission => Permissions.RolesWrite;
}
