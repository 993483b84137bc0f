using FullAuth.Application.OAuth.Common;
using Microsoft.Extensions.Options;

namespace FullAuth.Api.Http.Cookies;

/// <summary>
/// The browser-binding cookie of an OAuth flow: set by <c>authorize</c>/<c>link</c>, read and dropped by
/// the callbacks. <c>__Secure-fullauth_oauth</c> (Path=/api/v1/auth/oauth, HttpOnly, SameSite from
/// configuration, lasting <c>OAuth:StateLifetime</c>); with <c>Debug</c> plain <c>fullauth_oauth</c>, not Secure.
/// The state stores only a keyed digest of its value.
/// </summary>
public sealed class OAuthBindingCookie(AuthCookies cookies, IOptions<OAuthOptions> options)
{
    public const string BaseName = "fullauth_oauth";
    public const string Path = "/api/v1/auth/oauth";

    public string Name { get; } = (cookies.Secure ? "__Secure-" : string.Empty) + BaseName;

    public static OAuthBindingCookie For(HttpContext context) => new(
        context.RequestServices.GetRequiredService<AuthCookies>(),
        context.RequestServices.GetRequiredService<IOptions<OAuthOptions>>());

    public void Set(HttpResponse response, string value) =>
        response.Cookies.Append(Name, value, Options(DateTimeOffset.UtcNow + options.Value.StateLifetime));

    public string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public void Clear(HttpResponse response) => response.Cookies.Delete(Name, Options(expires: null));

    private CookieOptions Options(DateTimeOffset? expires) => new()
    {
        Path = Path,
        HttpOnly = true,
        Secure = cookies.Secure,
        SameSite = cookies.SameSite,
        Expires = expires,
        IsEssential = true,
    };
}
