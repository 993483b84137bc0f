using FullAuth.Api.Contracts;
using FullAuth.Api.Http;
using FullAuth.Application.Account.ConfirmEmailChange;
using FullAuth.Application.Account.RequestEmailChange;
using FullAuth.Application.Auth.ConfirmEmailVerification;
using FullAuth.Application.Auth.ConfirmPasswordReset;
using FullAuth.Application.Auth.RequestEmailVerification;
using FullAuth.Application.Auth.RequestPasswordReset;
using FullAuth.Application.Common.Results;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FullAuth.Api.Controllers;

/// <summary>Email verification, password reset and email change: the routes whose purpose is a mail.</summary>
[Route("api/v1/auth")]
public sealed class EmailController(IMediator mediator) : ApiControllerBase
{
    /// <summary>The one body every mail request answers with, whoever the address belongs to.</summary>
    public const string AcceptedDetail = "If the address can receive it, a message is on its way.";

    [HttpPost("verify-email/request")]
    public async Task<IActionResult> RequestVerification([FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] EmailRequest? request, CancellationToken cancellationToken)
    {
        var caller = HttpContext.GetCaller();
        if (caller is null && Request.Headers.Authorization.Count > 0)
        {
            return Problem(Error.Unauthenticated);
        }

        return Accepted(await mediator.Send(new RequestEmailVerificationCommand(caller, request?.Email, Client), cancellationToken));
    }

    [HttpPost("verify-email/confirm")]
    [Consumes("application/json")]
    public async Task<IActionResult> ConfirmVerification([FromBody] TokenRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ConfirmEmailVerificationCommand(request.Token, Client), cancellationToken);
        return result.IsSuccess ? Ok(new DetailResponse("The email address is verified.")) : Problem(result.Error!);
    }

    [HttpPost("password-reset/request")]
    [Consumes("application/json")]
    public async Task<IActionResult> RequestPasswordReset([FromBody] EmailRequest request, CancellationToken cancellationToken) =>
        Accepted(await mediator.Send(new RequestPasswordResetCommand(request.Email, Client), cancellationToken));

    [HttpPost("password-reset/confirm")]
    [Consumes("application/json")]
    public async Task<IActionResult> ConfirmPasswordReset([FromBody] PasswordResetConfirmRequest request, CancellationToken cancellationToken) =>
        From(await mediator.Send(new ConfirmPasswordResetCommand(request.Token, request.NewPassword, Client), cancellationToken));

    [HttpPost("email-change/request")]
    [Authorize]
    [Consumes("application/json")]
    public async Task<IActionResult> RequestEmailChange([FromBody] EmailChangeRequest request, CancellationToken cancellationToken) =>
        Accepted(await mediator.Send(new RequestEmailChangeCommand(Caller, request.NewEmail, request.CurrentPassword, Client), cancellationToken));

    [HttpPost("email-change/confirm")]
    [Consumes("application/json")]
    public async Task<IActionResult> ConfirmEmailChange([FromBody] TokenRequest request, CancellationToken cancellationToken) =>
        From(await mediator.Send(new ConfirmEmailChangeCommand(request.Token, Client), cancellationToken), Ok);

    private IActionResult Accepted(Result result) =>
        result.IsSuccess ? StatusCode(StatusCodes.Status202Accepted, new DetailResponse(AcceptedDetail)) : Problem(result.Error!);
}
