using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Admin.GetUser;

public sealed record GetUserQuery(Caller Caller, string UserId) : IQuery<Result<UserResponse>>, IRequirePermission
{
    public string RequiredPermission => Permissions.UsersRead;
}
