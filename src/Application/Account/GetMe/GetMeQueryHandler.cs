using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Account.GetMe;

public sealed class GetMeQueryHandler(IUserRepository users) : IQueryHandler<GetMeQuery, Result<UserResponse>>
{
    public async ValueTask<Result<UserResponse>> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(query.Caller.UserId, cancellationToken);
        return user is { IsActive: true } ? UserResponse.From(user) : Error.Unauthenticated;
    }
}
