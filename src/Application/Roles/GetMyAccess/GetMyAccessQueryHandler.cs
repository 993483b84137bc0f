using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Roles.Common;
using Mediator;

namespace FullAuth.Application.Roles.GetMyAccess;

public sealed class GetMyAccessQueryHandler(IPermissionService permissions) : IQueryHandler<GetMyAccessQuery, Result<AccessResponse>>
{
    public async ValueTask<Result<AccessResponse>> Handle(GetMyAccessQuery query, CancellationToken cancellationToken)
    {
        var access = await permissions.GetAccessAsync(query.Caller.UserId, cancellationToken);
        return access is { IsActive: true } ? new AccessResponse(access.UserId, access.Roles, access.Permissions) : Error.Unauthenticated;
    }
}
