using FullAuth.Api.Contracts;
using FullAuth.Application.Auth.Login;
using FullAuth.Application.Auth.Logout;
using FullAuth.Application.Auth.Refresh;
using FullAuth.Application.Auth.Register;
using FullAuth.Application.Common.Results;
using FullAuth.Api.Http;
using FullAuth.Api.Http.Cookies;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FullAuth.Api.Controllers;

[Route("api/v1/auth")]
public sealed class AuthController(IMediator mediator) : ApiControllerBase
{
    public const string RegistrationAcceptedDetail = "If the address can be registered, a message has been sent to it.";

    [HttpPost("register")]
    [RequireAllowedOrigin]
    [Consumes("application/json")]
    public async Task<IActionResult> Register([FromBody] RegisterRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new RegisterCommand(request.Email, request.Password, request.Name, Client), cancellationToken);
        return From(result, r => r.Outcome switch
        {
            RegisterOutcome.Accepted => StatusCode(StatusCodes.Status202Accepted, new DetailResponse(RegistrationAcceptedDetail)),
            RegisterOutcome.Created => StatusCode(StatusCodes.Status201Created, new CreatedUserResponse(r.User!)),
            _ => SignedIn(StatusCodes.Status201Created, r.SignIn!),
        });
    }

    [HttpPost("login")]
    [RequireAllowedOrigin]
    [Consumes("application/json")]
    public async Task<IActionResult> Login([FromBody] LoginRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new LoginCommand(request.Email, request.Password, request.RememberMe ?? false, Client), cancellationToken);
        return From(result, r => SignedIn(StatusCodes.Status200OK, r));
    }

    [HttpPost("refresh")]
    [Consumes("application/json")]
    public async Task<IActionResult> Refresh([FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RefreshRequest? request, CancellationToken cancellationToken)
    {
        if (request is null && Request.ContentLength > 0)
        {
            // A body that is JSON null (or not an object) is malformed, whatever the delivery mode.
            return Problem(Error.Validation("body", "The request body must be a JSON object."));
        }

        var token = await Delivery.RefreshTokenAsync(HttpContext, request?.RefreshToken, cancellationToken);
        if (!token.IsSuccess)
        {
            return Problem(token.Error!);
        }

        var result = await mediator.Send(new RefreshCommand(token.Value, Client), cancellationToken);
        if (!result.IsSuccess && Delivery.UsesCookies(HttpContext))
        {
            // The refresh cookie is dead (unknown, revoked, replayed): drop the cookies with it.
            Delivery.SignedOut(HttpContext);
        }

        return From(result, tokens => Ok(Delivery.Refreshed(HttpContext, tokens)));
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout([FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] LogoutRequest? request, CancellationToken cancellationToken)
    {
        var caller = HttpContext.GetCaller();
        if (caller is null && Request.Headers.Authorization.Count > 0)
        {
            return Problem(Error.Unauthenticated);
        }

        var token = await Delivery.LogoutRefreshTokenAsync(HttpContext, request?.RefreshToken, cancellationToken);
        if (!token.IsSuccess)
        {
            return Problem(token.Error!);
        }

        var result = await mediator.Send(new LogoutCommand(caller, token.Value, Client), cancellationToken);
        if (result.IsSuccess)
        {
            Delivery.SignedOut(HttpContext);
        }

        return From(result);
    }

    private ObjectResult SignedIn(int status, Application.Common.Models.SignInResult result) =>
        StatusCode(status, Delivery.SignedIn(HttpContext, result));
}
