using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Admin.InviteUser;

public sealed record InviteUserCommand(Caller Caller, string? Email, string? Name, IReadOnlyList<string>? Roles, ClientInfo Client)
    : ICommand<Result<UserResponse>>, IRequirePermission
{
    public string RequiredPermission => Permissions.UsersWrite;
}
