using System.Text.Json;
using FullAuth.Api.Contracts;
using FullAuth.Application.Account.ChangePassword;
using FullAuth.Application.Account.DeleteMe;
using FullAuth.Application.Account.GetMe;
using FullAuth.Application.Account.UpdateMe;
using FullAuth.Application.Common.Results;
using FullAuth.Api.Http;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FullAuth.Api.Controllers;

[Route("api/v1/auth")]
[Authorize]
public sealed class MeController(IMediator mediator) : ApiControllerBase
{
    [HttpGet("me")]
    public async Task<IActionResult> Get(CancellationToken cancellationToken) =>
        From(await mediator.Send(new GetMeQuery(Caller), cancellationToken), Ok);

    /// <summary>PATCH: an absent member is unchanged, <c>null</c> clears it.</summary>
    [HttpPatch("me")]
    [Consumes("application/json")]
    public async Task<IActionResult> Patch([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Problem(Error.Validation("body", "The request body must be a JSON object."));
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = JsonPatch.Text(body, "name", errors);
        var image = JsonPatch.Text(body, "image", errors);
        if (errors.Count > 0)
        {
            return Problem(Error.Validation(errors));
        }

        return From(await mediator.Send(new UpdateMeCommand(Caller, name, image), cancellationToken), Ok);
    }

    [HttpDelete("me")]
    public async Task<IActionResult> Delete([FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] DeleteMeRequest? request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new DeleteMeCommand(Caller, request?.CurrentPassword), cancellationToken);
        if (result.IsSuccess)
        {
            Delivery.SignedOut(HttpContext);
        }

        return From(result);
    }

    [HttpPost("change-password")]
    [Consumes("application/json")]
    public async Task<IActionResult> ChangePassword([FromBody] ChangePasswordRequest request, CancellationToken cancellationToken) =>
        From(await mediator.Send(new ChangePasswordCommand(Caller, request.CurrentPassword, request.NewPassword, Client), cancellationToken));
}
