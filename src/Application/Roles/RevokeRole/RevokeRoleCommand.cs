using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Roles.RevokeRole;

public sealed record RevokeRoleCommand(Caller Caller, string? UserId, string? RoleName, ClientInfo Client) : ICommand<Result>, IRequirePermission
{
    public string RequiredPermission => Permissions.RolesAssign;
}
