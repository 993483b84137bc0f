using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Roles.Common;
using Mediator;

namespace FullAuth.Application.Roles.UpdateRole;

public sealed record UpdateRoleCommand(Caller Caller, string Name, string? Description, IReadOnlyList<string>? Permissions, ClientInfo Client)
    : ICommand<Result<RoleResponse>>, IRequirePermission
{
    public string RequiredPermission => FullAuth.Application.Common.Authorization.Permissions.RolesWrite;
}
