using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Roles.Common;
using Mediator;

namespace FullAuth.Application.Roles.GetUserAccess;

public sealed class GetUserAccessQueryHandler(IPermissionService permissions) : IQueryHandler<GetUserAccessQuery, Result<AccessResponse>>
{
    public async ValueTask<Result<AccessResponse>> Handle(GetUserAccessQuery query, CancellationToken cancellationToken)
    {
        var access = await permissions.GetAccessAsync(query.UserId, cancellationToken);
        return access is null ? Error.NotFound : new AccessResponse(access.UserId, access.Roles, access.Permissions);
    }
}
