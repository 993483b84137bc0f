using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Roles.Common;
using Mediator;

namespace FullAuth.Application.Roles.ListRoles;

public sealed class ListRolesQueryHandler(IRoleRepository roles) : IQueryHandler<ListRolesQuery, Result<IReadOnlyList<RoleResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<RoleResponse>>> Handle(ListRolesQuery query, CancellationToken cancellationToken)
    {
        IReadOnlyList<RoleResponse> list = (await roles.ListAllAsync(cancellationToken)).Select(RoleResponse.From).ToList();
        return Result<IReadOnlyList<RoleResponse>>.Success(list);
    }
}
