using FullAuth.Api.Contracts;
using FullAuth.Api.Http.Cookies;
using FullAuth.Application.Auth.ConfirmMagicLink;
using FullAuth.Application.Auth.RequestMagicLink;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FullAuth.Api.Controllers;

/// <summary>Passwordless email sign-in. Both routes are 404 unless <c>MagicLinks:Enabled</c>.</summary>
[Route("api/v1/auth/magic-link")]
public sealed class MagicLinkController(IMediator mediator, IOptions<MagicLinksOptions> options) : ApiControllerBase
{
    [HttpPost("request")]
    [Consumes("application/json")]
    public async Task<IActionResult> RequestLink([FromBody] MagicLinkRequest request, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return Problem(Error.NotFound);
        }

        var result = await mediator.Send(new RequestMagicLinkCommand(request.Email, request.RememberMe ?? false, Client), cancellationToken);
        return result.IsSuccess
            ? StatusCode(StatusCodes.Status202Accepted, new DetailResponse(EmailController.AcceptedDetail))
            : Problem(result.Error!);
    }

    [HttpPost("confirm")]
    [RequireAllowedOrigin]
    [Consumes("application/json")]
    public async Task<IActionResult> Confirm([FromBody] TokenRequest request, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return Problem(Error.NotFound);
        }

        var result = await mediator.Send(new ConfirmMagicLinkCommand(request.Token, Client), cancellationToken);
        return From(result, signIn => Ok(Delivery.SignedIn(HttpContext, signIn)));
    }
}
