using System.Security.Claims;
using System.Text.Encodings.Web;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Api.Http.Cookies;
using FullAuth.Api.Http.Csrf;
using FullAuth.Application.Common.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace FullAuth.Api.Http;

/// <summary>
/// Authenticates <c>Authorization: Bearer</c> access tokens through <see cref="IAccessTokenValidator"/>
/// (signature, claims, then revocation). Tokens are never read from the query string. In cookie and
/// both modes a request without an <c>Authorization</c> header is authenticated by the access cookie and
/// marked <see cref="CookieAuthentication"/> (so the CSRF check applies); the header always wins, and an
/// invalid header never falls back to the cookie.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IAccessTokenValidator validator,
    IOptions<FullAuthOptions> fullAuthOptions,
    AuthCookies cookies) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "FullAuth";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return await AuthenticateCookieAsync();
        }

        string authorization = Request.Headers.Authorization.ToString();

        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Unsupported authorization scheme.");
        }

        var token = authorization["Bearer ".Length..].Trim();
        var validated = await validator.ValidateAsync(token, Context.RequestAborted);
        if (validated is null)
        {
            return AuthenticateResult.Fail("Invalid access token.");
        }

        return Success(validated);
    }

    private async Task<AuthenticateResult> AuthenticateCookieAsync()
    {
        if (TokenDeliveryModes.Parse(fullAuthOptions.Value.TokenDelivery) == TokenDeliveryMode.Json
            || cookies.ReadAccess(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var validated = await validator.ValidateAsync(token, Context.RequestAborted);
        if (validated is null)
        {
            return AuthenticateResult.Fail("Invalid access cookie.");
        }

        Context.Features.Set(new CookieAuthentication(validated.Caller.SessionId));
        return Success(validated);
    }

    private AuthenticateResult Success(ValidatedAccessToken validated)
    {
        Context.Features.Set(validated.Caller);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(validated.Identity.Claims, SchemeName, "sub", "roles"));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, ErrorCodes.Unauthenticated);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, ErrorCodes.Forbidden);
}

public static class CallerExtensions
{
    /// <summary>The authenticated caller, set by <see cref="AccessTokenAuthenticationHandler"/>.</summary>
    public static Caller? GetCaller(this HttpContext context) => context.Features.Get<Caller>();
}
