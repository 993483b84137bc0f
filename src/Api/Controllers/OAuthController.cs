using FullAuth.Api.Contracts;
using FullAuth.Api.Http.Cookies;
using FullAuth.Application.Common.Results;
using FullAuth.Application.OAuth.CompleteLink;
using FullAuth.Application.OAuth.CompleteSignIn;
using FullAuth.Application.OAuth.ListAccounts;
using FullAuth.Application.OAuth.ListProviders;
using FullAuth.Application.OAuth.StartLink;
using FullAuth.Application.OAuth.StartSignIn;
using FullAuth.Application.OAuth.Unlink;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FullAuth.Api.Controllers;

/// <summary>OAuth / OpenID Connect sign-in and linking (API.md "OAuth / OpenID Connect sign-in").</summary>
[Route("api/v1/auth/oauth")]
public sealed class OAuthController(IMediator mediator) : ApiControllerBase
{
    [HttpGet("providers")]
    public async Task<IActionResult> Providers(CancellationToken cancellationToken) =>
        From(await mediator.Send(new ListOAuthProvidersQuery(), cancellationToken), Ok);

    [HttpGet("{provider}/authorize")]
    public async Task<IActionResult> Authorize(
        string provider,
        [FromQuery(Name = "redirect_uri")] string? redirectUri,
        [FromQuery(Name = "remember_me")] bool? rememberMe,
        CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new StartOAuthSignInCommand(provider, redirectUri, rememberMe ?? false, Client), cancellationToken);
        return From(result, started =>
        {
            OAuthBindingCookie.For(HttpContext).Set(Response, started.BindingToken);
            NoStore();
            return Ok(new AuthorizationUrlResponse(started.AuthorizationUrl));
        });
    }

    [HttpPost("{provider}/callback")]
    [RequireAllowedOrigin]
    [Consumes("application/json")]
    public async Task<IActionResult> Callback(string provider, [FromBody] OAuthCallbackRequest request, CancellationToken cancellationToken)
    {
        var binding = OAuthBindingCookie.For(HttpContext);
        var bindingToken = binding.Read(Request);
        var result = await mediator.Send(new CompleteOAuthSignInCommand(provider, request.Code, request.State, bindingToken, Client), cancellationToken);
        if (bindingToken is not null && (result.IsSuccess || result.Error!.Code != ErrorCodes.RateLimited))
        {
            binding.Clear(Response);
        }

        // Answered like /login (MfaChallenge included once sign-in can answer one): see docs/cookies.md.
        return From(result, signedIn => StatusCode(StatusCodes.Status200OK, Delivery.SignedIn(HttpContext, signedIn)));
    }

    [HttpGet("accounts")]
    [Authorize]
    public async Task<IActionResult> Accounts(CancellationToken cancellationToken) =>
        From(await mediator.Send(new ListOAuthAccountsQuery(Caller), cancellationToken), Ok);

    [HttpPost("{provider}/link")]
    [Authorize]
    [Consumes("application/json")]
    public async Task<IActionResult> Link(string provider, [FromBody] OAuthLinkRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new StartOAuthLinkCommand(Caller, provider, request.RedirectUri, Client), cancellationToken);
        return From(result, started =>
        {
            OAuthBindingCookie.For(HttpContext).Set(Response, started.BindingToken);
            NoStore();
            return Ok(new AuthorizationUrlResponse(started.AuthorizationUrl));
        });
    }

    [HttpPost("{provider}/link/callback")]
    [Authorize]
    [Consumes("application/json")]
    public async Task<IActionResult> LinkCallback(string provider, [FromBody] OAuthCallbackRequest request, CancellationToken cancellationToken)
    {
        var binding = OAuthBindingCookie.For(HttpContext);
        var bindingToken = binding.Read(Request);
        var result = await mediator.Send(new CompleteOAuthLinkCommand(Caller, provider, request.Code, request.State, bindingToken, Client), cancellationToken);
        if (bindingToken is not null && (result.IsSuccess || result.Error!.Code != ErrorCodes.RateLimited))
        {
            binding.Clear(Response);
        }

        return From(result, Ok);
    }

    [HttpDelete("accounts/{provider}")]
    [Authorize]
    public async Task<IActionResult> Unlink(string provider, CancellationToken cancellationToken) =>
        From(await mediator.Send(new UnlinkOAuthAccountCommand(Caller, provider), cancellationToken));
}
