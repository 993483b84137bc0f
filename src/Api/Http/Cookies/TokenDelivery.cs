using FullAuth.Api.Contracts;
using FullAuth.Api.Http.Csrf;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Microsoft.Extensions.Options;

namespace FullAuth.Api.Http.Cookies;

/// <summary>
/// The one place that decides where tokens go (<c>TokenDelivery</c>): the JSON body, or HttpOnly cookies
/// plus a CSRF token bound to the session. Controllers hand it sign-in results and ask it for the
/// refresh token; handlers never see cookies.
/// </summary>
public sealed class TokenDelivery(
    IOptions<FullAuthOptions> options,
    AuthCookies cookies,
    CsrfTokens csrfTokens,
    CsrfProtection csrf,
    RefreshCookieSessions refreshSessions)
{
    public TokenDeliveryMode Mode { get; } = TokenDeliveryModes.Parse(options.Value.TokenDelivery);

    /// <summary>Whether cookies are read at all (cookie and both modes).</summary>
    public bool ReadsCookies => Mode != TokenDeliveryMode.Json;

    /// <summary>Whether this request gets cookie delivery: cookie mode, or both mode with an <c>Origin</c> header.</summary>
    public bool UsesCookies(HttpContext context) => Mode switch
    {
        TokenDeliveryMode.Cookie => true,
        TokenDeliveryMode.Both => context.Request.Headers.Origin.Count > 0,
        _ => false,
    };

    /// <summary>
    /// A first or second factor succeeded: the body to answer with. A session started: cookies and a new
    /// CSRF token in cookie delivery, else the tokens. The second factor is due: the <c>MfaChallenge</c>
    /// alone, in every mode (no tokens, no cookies).
    /// </summary>
    public object SignedIn(HttpContext context, SignInResult result)
    {
        NoStore(context.Response);
        if (result.MfaChallenge is { } challenge)
        {
            return new MfaChallengeResponse(MfaRequired: true, challenge.MfaToken, challenge.ExpiresIn, MfaChallengeResponse.SecondFactors);
        }

        if (!UsesCookies(context))
        {
            return LoginResponse.From(result);
        }

        var tokens = result.Tokens;
        var expires = CookieExpiry(tokens);
        cookies.SetTokens(context.Response, tokens.AccessToken, tokens.RefreshToken, expires);
        var csrfToken = csrfTokens.Issue(tokens.SessionId);
        cookies.SetCsrf(context.Response, csrfToken, expires);
        return new CookieLoginResponse(result.User, "Bearer", tokens.ExpiresIn, csrfToken, MfaRequired: false);
    }

    /// <summary>A refresh succeeded: new cookies (the CSRF token stays valid: same session) or the token pair.</summary>
    public object Refreshed(HttpContext context, SessionTokens tokens)
    {
        NoStore(context.Response);
        if (!UsesCookies(context))
        {
            return TokenPairResponse.From(tokens);
        }

        cookies.SetTokens(context.Response, tokens.AccessToken, tokens.RefreshToken, CookieExpiry(tokens));
        return new CookieRefreshResponse("Bearer", tokens.ExpiresIn);
    }

    /// <summary>The session ended (logout, revoking the current session, account deleted): drop the cookies.</summary>
    public void SignedOut(HttpContext context)
    {
        if (ReadsCookies)
        {
            cookies.ClearAll(context.Response);
        }
    }

    /// <summary>
    /// The refresh token for <c>/refresh</c>: the cookie in cookie delivery (missing: 401), else the body.
    /// A token from the cookie needs a CSRF token valid for its session (else 403 <c>csrf_failed</c>).
    /// </summary>
    public async Task<Result<string?>> RefreshTokenAsync(HttpContext context, string? bodyToken, CancellationToken cancellationToken)
    {
        if (!UsesCookies(context))
        {
            return bodyToken;
        }

        var token = cookies.ReadRefresh(context.Request);
        if (token is null)
        {
            return Error.InvalidCredentials;
        }

        return await CsrfPassesForRefreshCookieAsync(context, token, cancellationToken) ? token : new Error(ErrorCodes.CsrfFailed);
    }

    /// <summary>
    /// The refresh token for <c>/logout</c>: the cookie when there is one (with the same CSRF rule as
    /// refresh, unless a bearer header authenticated the request), else the body's.
    /// </summary>
    public async Task<Result<string?>> LogoutRefreshTokenAsync(HttpContext context, string? bodyToken, CancellationToken cancellationToken)
    {
        var token = ReadsCookies ? cookies.ReadRefresh(context.Request) : null;
        if (token is null)
        {
            return bodyToken;
        }

        var bearer = context.Request.Headers.Authorization.Count > 0;
        return bearer || await CsrfPassesForRefreshCookieAsync(context, token, cancellationToken) ? token : new Error(ErrorCodes.CsrfFailed);
    }

    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }

    /// <summary>Session cookies without remember_me; otherwise they last as long as the session.</summary>
    private static DateTimeOffset? CookieExpiry(SessionTokens tokens) => tokens.RememberMe ? tokens.SessionExpiresAt : null;

    private async Task<bool> CsrfPassesForRefreshCookieAsync(HttpContext context, string refreshToken, CancellationToken cancellationToken)
    {
        if (!csrf.Enabled)
        {
            return true;
        }

        // The double submit must hold in any case; an unknown token cannot be bound to a session, but it
        // opens nothing either: the use case answers 401 (refresh) or 204 (logout) for it.
        if (!csrf.TryGetMatchingToken(context, out _))
        {
            return false;
        }

        var session = await refreshSessions.FindAsync(refreshToken, cancellationToken);
        return session is null || csrf.IsValid(context, session.FamilyId);
    }
}
