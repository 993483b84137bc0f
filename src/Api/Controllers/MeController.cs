using System.Text.Json;
using FullAuth.Api.Contracts;
using FullAuth.Application.Account.ChangePassword;
using FullAuth.Application.Account.DeleteMe;
using FullAuth.Application.Account.GetMe;
using FullAuth.Application.Account.UpdateMe;
using FullAuth.Application.Common.Results;
using FullAuth.Domain.Common;
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
        var name = ReadOptionalString(body, "name", errors);
        var image = ReadOptionalString(body, "image", errors);
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

    private static Optional<string?> ReadOptionalString(JsonElement body, string member, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(member, out var value))
        {
            return Optional<string?>.Absent;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return Optional<string?>.Of(null);
            case JsonValueKind.String:
                return Optional<string?>.Of(value.GetString());
            default:
                errors[member] = ["The value must be a string or null."];
                return Optional<string?>.Absent;
        }
    }
}
