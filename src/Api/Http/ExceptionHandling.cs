using System.Globalization;
using FullAuth.Application.Common.Results;
using Microsoft.AspNetCore.Diagnostics;

namespace FullAuth.Api.Http;

/// <summary>
/// Turns exceptions into problem details: outages (a store or the database) into 503 with <c>Retry-After</c>, malformed HTTP into
/// 400, everything else into a bare 500 <c>internal_error</c> (the exception is logged, never returned).
/// </summary>
public sealed class ExceptionToProblemHandler(ILoggerFactory loggerFactory) : IExceptionHandler
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Errors");

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        Error error;
        switch (exception)
        {
            case ServiceUnavailableException unavailable:
                _logger.LogWarning("{Code}: {Message}", unavailable.Code, unavailable.Message);
                error = new Error(unavailable.Code, RetryAfter: unavailable.RetryAfter);
                break;
            case var outage when FullAuth.Infrastructure.Persistence.DatabaseFailures.IsOutage(outage):
                _logger.LogWarning("Database unavailable: {Error}", outage.GetBaseException().Message);
                error = new Error(ErrorCodes.StoreUnavailable, RetryAfter: FullAuth.Infrastructure.Persistence.DatabaseFailures.RetryAfter);
                break;
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                _logger.LogInformation("Request body over the route's size limit");
                error = new Error(ErrorCodes.PayloadTooLarge);
                break;
            case BadHttpRequestException bad:
                _logger.LogInformation("Malformed request: {Status}", bad.StatusCode.ToString(CultureInfo.InvariantCulture));
                error = Error.Validation("body", "The request could not be read.");
                break;
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                return true;
            default:
                _logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
                error = new Error(ErrorCodes.InternalError);
                break;
        }

        if (httpContext.Response.HasStarted)
        {
            return true;
        }

        httpContext.Response.Clear();
        await ProblemWriter.WriteAsync(httpContext, error);
        return true;
    }
}
