using FullAuth.Api.Authorization;
using FullAuth.Api.Contracts;
using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Roles.AssignRole;
using FullAuth.Application.Roles.CreateRole;
using FullAuth.Application.Roles.DeleteRole;
using FullAuth.Application.Roles.GetMyAccess;
using FullAuth.Application.Roles.GetUserAccess;
using FullAuth.Application.Roles.ListRoles;
using FullAuth.Application.Roles.RevokeRole;
using FullAuth.Application.Roles.UpdateRole;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FullAuth.Api.Controllers;

/// <summary>Roles and permissions. The use cases check permissions too (defence in depth).</summary>
[Route("api/v1/auth/roles")]
[Authorize]
public sealed class RolesController(IMediator mediator) : ApiControllerBase
{
    [HttpGet("me")]
    public async Task<IActionResult> Me(CancellationToken cancellationToken) =>
        From(await mediator.Send(new GetMyAccessQuery(Caller), cancellationToken), Ok);

    [HttpGet]
    [RequirePermission(Permissions.RolesRead)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        From(await mediator.Send(new ListRolesQuery(Caller), cancellationToken), Ok);

    [HttpPost]
    [RequirePermission(Permissions.RolesWrite)]
    [Consumes("application/json")]
    public async Task<IActionResult> Create([FromBody] CreateRoleRequest request, CancellationToken cancellationToken) =>
        From(
            await mediator.Send(new CreateRoleCommand(Caller, request.Name, request.Description, request.Permissions, Client), cancellationToken),
            role => StatusCode(StatusCodes.Status201Created, role));

    [HttpPatch("{name}")]
    [RequirePermission(Permissions.RolesWrite)]
    [Consumes("application/json")]
    public async Task<IActionResult> Update(string name, [FromBody] UpdateRoleRequest request, CancellationToken cancellationToken) =>
        From(await mediator.Send(new UpdateRoleCommand(Caller, name, request.Description, request.Permissions, Client), cancellationToken), Ok);

    [HttpDelete("{name}")]
    [RequirePermission(Permissions.RolesWrite)]
    public async Task<IActionResult> Delete(string name, CancellationToken cancellationToken) =>
        From(await mediator.Send(new DeleteRoleCommand(Caller, name, Client), cancellationToken));

    [HttpPost("assign")]
    [RequirePermission(Permissions.RolesAssign)]
    [Consumes("application/json")]
    public async Task<IActionResult> Assign([FromBody] RoleAssignmentRequest request, CancellationToken cancellationToken) =>
        From(await mediator.Send(new AssignRoleCommand(Caller, request.UserId, request.RoleName, Client), cancellationToken));

    [HttpPost("revoke")]
    [RequirePermission(Permissions.RolesAssign)]
    [Consumes("application/json")]
    public async Task<IActionResult> Revoke([FromBody] RoleAssignmentRequest request, CancellationToken cancellationToken) =>
        From(await mediator.Send(new RevokeRoleCommand(Caller, request.UserId, request.RoleName, Client), cancellationToken));

    [HttpGet("users/{userId}")]
    [RequirePermission(Permissions.RolesRead)]
    public async Task<IActionResult> UserAccess(string userId, CancellationToken cancellationToken) =>
        From(await mediator.Send(new GetUserAccessQuery(Caller, userId), cancellationToken), Ok);
}
