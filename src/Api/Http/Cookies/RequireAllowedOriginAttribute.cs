using FullAuth.Application.Common.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FullAuth.Api.Http.Cookies;

/// <summary>
/// Login CSRF: on a route that can start a session, a request that gets cookie delivery must come from
/// an origin in <c>Cors:Origins</c>; a missing, <c>null</c> or unlisted <c>Origin</c> is 403
/// <c>csrf_failed</c>. Runs before model binding, validation and rate limiting. JSON delivery is unaffected.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class RequireAllowedOriginAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var http = context.HttpContext;
        var delivery = http.RequestServices.GetRequiredService<TokenDelivery>();
        if (!delivery.UsesCookies(http))
        {
            return;
        }

        var origins = http.RequestServices.GetRequiredService<AllowedOrigins>();
        var header = http.Request.Headers.Origin;
        if (header.Count != 1 || !origins.IsAllowed(header[0]))
        {
            context.Result = new ProblemResult(new Error(ErrorCodes.CsrfFailed));
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
