using FullAuth.Application.Common.Results;

namespace FullAuth.Api.Http.Csrf;

/// <summary>
/// Runs after authentication: a POST/PUT/PATCH/DELETE authenticated by the access cookie needs a valid
/// <c>X-CSRF-Token</c> for its session, else 403 <c>csrf_failed</c>. Bearer requests are exempt (a site
/// cannot make a browser send a header it does not know). Refresh and logout, which may ride on the
/// refresh cookie alone, check that case themselves through <see cref="CsrfProtection"/>.
/// </summary>
public sealed class CsrfMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CsrfProtection csrf)
    {
        if (CsrfProtection.IsUnsafe(context.Request.Method)
            && context.Features.Get<CookieAuthentication>() is { } cookieAuthentication
            && !csrf.IsValid(context, cookieAuthentication.SessionId))
        {
            return ProblemWriter.WriteAsync(context, new Error(ErrorCodes.CsrfFailed));
        }

        return next(context);
    }
}
