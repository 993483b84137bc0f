using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Roles.Common;
using Mediator;

namespace FullAuth.Application.Roles.ListRoles;

public sealed record ListRolesQuery(Caller Caller) : IQuery<Result<IReadOnlyList<RoleResponse>>>, IRequirePermission
{
    public string RequiredPermission => Permissions.RolesRead;
}
