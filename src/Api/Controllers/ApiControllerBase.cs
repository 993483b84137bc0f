using FullAuth.Api.Http;
using FullAuth.Api.Http.Cookies;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Microsoft.AspNetCore.Mvc;

namespace FullAuth.Api.Controllers;

/// <summary>Turns HTTP into commands and results into HTTP; no business logic lives here.</summary>
[ApiController]
[Produces("application/json")]
public abstract class ApiControllerBase : ControllerBase
{
    /// <summary>The authenticated caller; only valid on actions that require authentication.</summary>
    protected Caller Caller => HttpContext.GetCaller() ?? throw new InvalidOperationException("The action requires an authenticated caller.");

    protected ClientInfo Client
    {
        get
        {
            var ip = HttpContext.RequestServices.GetRequiredService<ClientIpResolver>().Resolve(HttpContext);
            string? userAgent = Request.Headers.UserAgent;
            return new ClientInfo(ip, userAgent is { Length: > 512 } ? userAgent[..512] : userAgent);
        }
    }

    /// <summary>Where tokens go (JSON body or cookies): see <see cref="TokenDelivery"/>.</summary>
    protected TokenDelivery Delivery => HttpContext.RequestServices.GetRequiredService<TokenDelivery>();

    protected static IActionResult Problem(Error error) => new ProblemResult(error);

    protected IActionResult From<T>(Result<T> result, Func<T, IActionResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value) : Problem(result.Error!);

    protected IActionResult From(Result result) => result.IsSuccess ? NoContent() : Problem(result.Error!);

    /// <summary>Token-bearing responses must not be cached.</summary>
    protected void NoStore()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
    }
}
