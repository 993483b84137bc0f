using FullAuth.Api.Contracts;
using FullAuth.Api.Http.Cookies;
using FullAuth.Api.Http.Csrf;
using Microsoft.AspNetCore.Mvc;

namespace FullAuth.Api.Controllers;

/// <summary>
/// <c>GET /csrf</c>: a fresh CSRF token (and cookie) for a page that lost the one from sign-in, bound to
/// the session of a valid access cookie, else of a live refresh cookie, else to none (satisfies nothing).
/// </summary>
[Route("api/v1/auth")]
public sealed class CsrfController(CsrfTokens tokens, AuthCookies cookies, RefreshCookieSessions refreshSessions) : ApiControllerBase
{
    [HttpGet("csrf")]
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        TokenDelivery.NoStore(Response);
        var sessionId = HttpContext.Features.Get<CookieAuthentication>()?.SessionId;
        DateTimeOffset? expires = null;
        if (Delivery.ReadsCookies && cookies.ReadRefresh(Request) is { } refreshToken
            && await refreshSessions.FindLiveAsync(refreshToken, cancellationToken) is { } session
            && (sessionId is null || sessionId == session.FamilyId))
        {
            sessionId = session.FamilyId;
            expires = session.RememberMe ? session.ExpiresAt : null;
        }

        var token = tokens.Issue(sessionId);
        if (Delivery.ReadsCookies)
        {
            cookies.SetCsrf(Response, token, expires);
        }

        return Ok(new CsrfTokenResponse(token));
    }
}
