using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Roles.Common;
using Mediator;

namespace FullAuth.Application.Roles.GetUserAccess;

public sealed record GetUserAccessQuery(Caller Caller, string UserId) : IQuery<Result<AccessResponse>>, IRequirePermission
{
    public string RequiredPermission => Permissions.RolesRead;
}
