using System.Security.Cryptography;
using System.Text;
using FullAuth.Api.Http.Cookies;
using Microsoft.Extensions.Options;

namespace FullAuth.Api.Http.Csrf;

/// <summary>
/// The double-submit check: <c>X-CSRF-Token</c> present, equal to the CSRF cookie, and valid for the
/// request's session. Off only with <c>Csrf:Enabled=false</c>.
/// </summary>
public sealed class CsrfProtection(CsrfTokens tokens, AuthCookies cookies, IOptions<CsrfOptions> options)
{
    public const string HeaderName = "X-CSRF-Token";

    public bool Enabled => options.Value.Enabled;

    public static bool IsUnsafe(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>True when the request carries a CSRF token equal to its cookie and valid for <paramref name="sessionId"/>.</summary>
    public bool IsValid(HttpContext context, string? sessionId) =>
        !Enabled || (TryGetMatchingToken(context, out var token) && tokens.IsValid(token, sessionId));

    /// <summary>The double-submit half alone: one <c>X-CSRF-Token</c> header equal to the CSRF cookie.</summary>
    public bool TryGetMatchingToken(HttpContext context, out string token)
    {
        token = string.Empty;
        if (!context.Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1)
        {
            return false;
        }

        var header = values[0];
        var cookie = cookies.ReadCsrf(context.Request);
        if (string.IsNullOrEmpty(header) || cookie is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes(cookie)))
        {
            return false;
        }

        token = header;
        return true;
    }
}
