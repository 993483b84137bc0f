using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Roles.AssignRole;

public sealed record AssignRoleCommand(Caller Caller, string? UserId, string? RoleName, ClientInfo Client) : ICommand<Result>, IRequirePermission
{
    public string RequiredPermission => Permissions.RolesAssign;
}
