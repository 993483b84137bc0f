using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Domain.Common;
using Mediator;

namespace FullAuth.Application.Admin.UpdateUser;

public sealed record UpdateUserCommand(
    Caller Caller,
    string UserId,
    Optional<bool> IsActive,
    Optional<bool> EmailVerified,
    Optional<string?> Name,
    ClientInfo Client) : ICommand<Result<UserResponse>>, IRequirePermission
{
    public string RequiredPermission => Permissions.UsersWrite;
}
