using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FullAuth.Application.Common.Results;

namespace FullAuth.Api.Http;

/// <summary>Writes RFC 9457 problem details: <c>{type, title, status, detail, code, trace_id[, errors]}</c>.</summary>
public static class ProblemWriter
{
    public const string ContentType = "application/problem+json";

    public static async Task WriteAsync(HttpContext context, Error error)
    {
        var (status, title, detail) = ProblemCatalog.Get(error.Code);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        if (error.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (status == StatusCodes.Status401Unauthorized && error.Code == ErrorCodes.Unauthenticated)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }

        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("type", "urn:fullauth:error:" + error.Code);
        writer.WriteString("title", title);
        writer.WriteNumber("status", status);
        writer.WriteString("detail", detail);
        writer.WriteString("code", error.Code);
        writer.WriteString("trace_id", Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
        if (error.Fields is { Count: > 0 } fields)
        {
            writer.WritePropertyName("errors");
            writer.WriteStartObject();
            foreach (var (field, messages) in fields)
            {
                writer.WritePropertyName(field);
                writer.WriteStartArray();
                foreach (var message in messages)
                {
                    writer.WriteStringValue(message);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    public static Task WriteAsync(HttpContext context, string code) => WriteAsync(context, new Error(code));
}
