namespace FullAuth.Api.Http;

/// <summary>
/// Baseline security headers on every response, error responses included (set when the response
/// starts, so an exception handler that clears headers cannot drop them). HSTS only when the request
/// came over HTTPS, directly or through a trusted proxy that says so with <c>X-Forwarded-Proto</c>.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, ClientIpResolver proxies)
{
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (IsHttps(context))
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private bool IsHttps(HttpContext context)
    {
        if (context.Request.IsHttps)
        {
            return true;
        }

        if (!proxies.IsTrustedPeer(context) || !context.Request.Headers.TryGetValue("X-Forwarded-Proto", out var values))
        {
            return false;
        }

        // The right-most value is what the trusted peer itself saw.
        var last = values.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return string.Equals(last, "https", StringComparison.OrdinalIgnoreCase);
    }
}
