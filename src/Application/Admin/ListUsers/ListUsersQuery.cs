using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Admin.ListUsers;

public sealed record ListUsersQuery(Caller Caller, int Page, int PageSize, string? Search) : IQuery<Result<PagedResponse<UserResponse>>>, IRequirePermission
{
    public string RequiredPermission => Permissions.UsersRead;
}
