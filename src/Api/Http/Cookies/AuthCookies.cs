using FullAuth.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace FullAuth.Api.Http.Cookies;

/// <summary>
/// The three cookies of cookie mode, their names and attributes (API.md "Cookie delivery and CSRF").
/// Secure (the default): <c>__Host-fullauth_access</c> (Path=/), <c>__Secure-fullauth_refresh</c>
/// (Path=/api/v1/auth), <c>__Host-fullauth_csrf</c> (readable by scripts); with <c>Cookies:Domain</c> all
/// use <c>__Secure-</c>. <c>Debug</c> (Development only) drops the prefixes and the Secure flag so the
/// cookies work on http://localhost. Deleting uses the same attributes, so browsers really drop them.
/// </summary>
public sealed class AuthCookies
{
    public const string AccessBaseName = "fullauth_access";
    public const string RefreshBaseName = "fullauth_refresh";
    public const string CsrfBaseName = "fullauth_csrf";
    public const string RefreshPath = "/api/v1/auth";

    private readonly string? _domain;

    public AuthCookies(IOptions<FullAuthOptions> root, IOptions<CookiesOptions> cookies)
    {
        Secure = !root.Value.Debug;
        _domain = string.IsNullOrWhiteSpace(cookies.Value.Domain) ? null : cookies.Value.Domain.Trim();
        SameSite = ParseSameSite(cookies.Value.SameSite) ?? SameSiteMode.Lax;
        var hostPrefix = !Secure ? string.Empty : _domain is null ? "__Host-" : "__Secure-";
        var securePrefix = Secure ? "__Secure-" : string.Empty;
        AccessName = hostPrefix + AccessBaseName;
        RefreshName = securePrefix + RefreshBaseName;
        CsrfName = hostPrefix + CsrfBaseName;
    }

    public string AccessName { get; }

    public string RefreshName { get; }

    public string CsrfName { get; }

    public bool Secure { get; }

    public SameSiteMode SameSite { get; }

    public static SameSiteMode? ParseSameSite(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "lax" => SameSiteMode.Lax,
        "strict" => SameSiteMode.Strict,
        "none" => SameSiteMode.None,
        _ => null,
    };

    public string? ReadAccess(HttpRequest request) => Read(request, AccessName);

    public string? ReadRefresh(HttpRequest request) => Read(request, RefreshName);

    public string? ReadCsrf(HttpRequest request) => Read(request, CsrfName);

    /// <summary>Sets the access and refresh cookies; <paramref name="expires"/> null makes session cookies.</summary>
    public void SetTokens(HttpResponse response, string accessToken, string refreshToken, DateTimeOffset? expires)
    {
        response.Cookies.Append(AccessName, accessToken, Options("/", httpOnly: true, expires));
        response.Cookies.Append(RefreshName, refreshToken, Options(RefreshPath, httpOnly: true, expires));
    }

    /// <summary>The CSRF cookie is the one scripts may read (double submit).</summary>
    public void SetCsrf(HttpResponse response, string csrfToken, DateTimeOffset? expires) =>
        response.Cookies.Append(CsrfName, csrfToken, Options("/", httpOnly: false, expires));

    /// <summary>Expires all three with the attributes they were set with.</summary>
    public void ClearAll(HttpResponse response)
    {
        response.Cookies.Delete(AccessName, Options("/", httpOnly: true, expires: null));
        response.Cookies.Delete(RefreshName, Options(RefreshPath, httpOnly: true, expires: null));
        response.Cookies.Delete(CsrfName, Options("/", httpOnly: false, expires: null));
    }

    private static string? Read(HttpRequest request, string name) =>
        request.Cookies.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private CookieOptions Options(string path, bool httpOnly, DateTimeOffset? expires) => new()
    {
        Path = path,
        Domain = _domain,
        HttpOnly = httpOnly,
        Secure = Secure,
        SameSite = SameSite,
        Expires = expires,
        IsEssential = true,
    };
}
