using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FullAuth.Api.Http;

/// <summary><c>{status, checks: {name: status}}</c>; 503 when unhealthy. Exception details are never written.</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
