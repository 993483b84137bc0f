using System.Globalization;
using FullAuth.Application.Common.Behaviours;

namespace FullAuth.Api.Http;

/// <summary>Adds <c>X-RateLimit-Limit/Remaining/Reset</c> (seconds) to responses of rate-limited use cases.</summary>
public sealed class RateLimitHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, RateLimitState state)
    {
        context.Response.OnStarting(() =>
        {
            if (state.Decision is { } decision)
            {
                var headers = context.Response.Headers;
                headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Reset"] = Math.Max(0, (int)Math.Ceiling(decision.ResetAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
