namespace FullAuth.Api.Http.Csrf;

/// <summary>
/// Request feature set by the authentication handler when the caller was authenticated by the access
/// cookie (not a bearer header): such unsafe requests need a CSRF token valid for <see cref="SessionId"/>.
/// </summary>
public sealed record CookieAuthentication(string SessionId);
