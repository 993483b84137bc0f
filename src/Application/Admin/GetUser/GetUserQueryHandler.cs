using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Admin.GetUser;

public sealed class GetUserQueryHandler(IUserRepository users) : IQueryHandler<GetUserQuery, Result<UserResponse>>
{
    public async ValueTask<Result<UserResponse>> Handle(GetUserQuery query, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(query.UserId, cancellationToken) is { } user ? UserResponse.From(user) : Error.NotFound;
}
