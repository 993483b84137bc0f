using System.Text.Json;
using FullAuth.Api.Authorization;
using FullAuth.Api.Contracts;
using FullAuth.Api.Http;
using FullAuth.Application.Admin.DeleteUser;
using FullAuth.Application.Admin.GetUser;
using FullAuth.Application.Admin.InviteUser;
using FullAuth.Application.Admin.ListAudit;
using FullAuth.Application.Admin.ListUsers;
using FullAuth.Application.Admin.ResetUserMfa;
using FullAuth.Application.Admin.RevokeUserSessions;
using FullAuth.Application.Admin.UpdateUser;
using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Validation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FullAuth.Api.Controllers;

/// <summary>User administration and the audit log.</summary>
[Route("api/v1/auth/admin")]
[Authorize]
public sealed class AdminController(IMediator mediator) : ApiControllerBase
{
    [HttpGet("users")]
    [RequirePermission(Permissions.UsersRead)]
    public async Task<IActionResult> ListUsers(
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery] string? search,
        CancellationToken cancellationToken) =>
        From(await mediator.Send(new ListUsersQuery(Caller, page ?? 1, pageSize ?? Paging.DefaultPageSize, search), cancellationToken), Ok);

    [HttpPost("users")]
    [RequirePermission(Permissions.UsersWrite)]
    [Consumes("application/json")]
    public async Task<IActionResult> Invite([FromBody] InviteUserRequest request, CancellationToken cancellationToken) =>
        From(
            await mediator.Send(new InviteUserCommand(Caller, request.Email, request.Name, request.Roles, Client), cancellationToken),
            user => StatusCode(StatusCodes.Status201Created, user));

    [HttpGet("users/{id}")]
    [RequirePermission(Permissions.UsersRead)]
    public async Task<IActionResult> GetUser(string id, CancellationToken cancellationToken) =>
        From(await mediator.Send(new GetUserQuery(Caller, id), cancellationToken), Ok);

    [HttpPatch("users/{id}")]
    [RequirePermission(Permissions.UsersWrite)]
    [Consumes("application/json")]
    public async Task<IActionResult> UpdateUser(string id, [FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Problem(Error.Validation("body", "The request body must be a JSON object."));
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var isActive = JsonPatch.Flag(body, "is_active", errors);
        var emailVerified = JsonPatch.Flag(body, "email_verified", errors);
        var name = JsonPatch.Text(body, "name", errors);
        if (errors.Count > 0)
        {
            return Problem(Error.Validation(errors));
        }

        return From(await mediator.Send(new UpdateUserCommand(Caller, id, isActive, emailVerified, name, Client), cancellationToken), Ok);
    }

    [HttpDelete("users/{id}")]
    [RequirePermission(Permissions.UsersWrite)]
    public async Task<IActionResult> DeleteUser(string id, CancellationToken cancellationToken) =>
        From(await mediator.Send(new DeleteUserCommand(Caller, id, Client), cancellationToken));

    [HttpPost("users/{id}/revoke-sessions")]
    [RequirePermission(Permissions.UsersWrite)]
    public async Task<IActionResult> RevokeSessions(string id, CancellationToken cancellationToken) =>
        From(await mediator.Send(new RevokeUserSessionsCommand(Caller, id, Client), cancellationToken), Ok);

    [HttpPost("users/{id}/mfa/reset")]
    [RequirePermission(Permissions.UsersWrite)]
    public async Task<IActionResult> ResetMfa(string id, CancellationToken cancellationToken) =>
        From(await mediator.Send(new ResetUserMfaCommand(Caller, id, Client), cancellationToken));

    [HttpGet("audit")]
    [RequirePermission(Permissions.AuditRead)]
    public async Task<IActionResult> Audit(
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery(Name = "user_id")] string? userId,
        [FromQuery] string? action,
        CancellationToken cancellationToken) =>
        From(await mediator.Send(new ListAuditQuery(Caller, page ?? 1, pageSize ?? Paging.DefaultPageSize, userId, action), cancellationToken), Ok);
}
