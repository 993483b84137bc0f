using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Admin.ListUsers;

public sealed class ListUsersQueryHandler(IUserRepository users) : IQueryHandler<ListUsersQuery, Result<PagedResponse<UserResponse>>>
{
    public async ValueTask<Result<PagedResponse<UserResponse>>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var (items, total) = await users.SearchAsync(query.Page, query.PageSize, query.Search, cancellationToken);
        return new PagedResponse<UserResponse>(items.Select(UserResponse.From).ToList(), query.Page, query.PageSize, total);
    }
}
