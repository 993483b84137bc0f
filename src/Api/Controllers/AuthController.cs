using FullAuth.Api.Contracts;
using FullAuth.Application.Auth.Login;
using FullAuth.Application.Auth.Logout;
using FullAuth.Application.Auth.Refresh;
using FullAuth.Application.Auth.Register;
using FullAuth.Application.Common.Results;
using FullAuth.Api.Http;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FullAuth.Api.Controllers;

[Route("api/v1/auth")]
public sealed class AuthController(IMediator mediator) : ApiControllerBase
{
    public const string RegistrationAcceptedDetail = "If the address can be registered, a message has been sent to it.";

    [HttpPost("register")]
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
    [Consumes("application/json")]
    public async Task<IActionResult> Login([FromBody] LoginRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new LoginCommand(request.Email, request.Password, request.RememberMe ?? false, Client), cancellationToken);
        return From(result, r => SignedIn(StatusCodes.Status200OK, r));
    }

    [HttpPost("refresh")]
    [Consumes("application/json")]
    public async Task<IActionResult> Refresh([FromBody] RefreshRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new RefreshCommand(request.RefreshToken, Client), cancellationToken);
        return From(result, tokens =>
        {
            NoStore();
            return Ok(TokenPairResponse.From(tokens));
        });
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout([FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] LogoutRequest? request, CancellationToken cancellationToken)
    {
        var caller = HttpContext.GetCaller();
        if (caller is null && Request.Headers.Authorization.Count > 0)
        {
            return Problem(Error.Unauthenticated);
        }

        var result = await mediator.Send(new LogoutCommand(caller, request?.RefreshToken, Client), cancellationToken);
        return From(result);
    }

    private ObjectResult SignedIn(int status, Application.Common.Models.SignInResult result)
    {
        NoStore();
        return StatusCode(status, LoginResponse.From(result));
    }
}
