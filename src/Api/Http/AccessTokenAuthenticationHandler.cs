using System.Security.Claims;
using System.Text.Encodings.Web;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FullAuth.Api.Http;

/// <summary>
/// Authenticates <c>Authorization: Bearer</c> access tokens through <see cref="IAccessTokenValidator"/>
/// (signature, claims, then revocation). Tokens are never read from the query string.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IAccessTokenValidator validator) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "FullAuth";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(authorization))
        {
            return AuthenticateResult.NoResult();
        }

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
