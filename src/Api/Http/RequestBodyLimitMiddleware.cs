using FullAuth.Application.Common.Results;

namespace FullAuth.Api.Http;

/// <summary>
/// Bodies over 64 KiB are refused with 400 naming <c>body</c> before anything reads them. Bodies
/// without a length (chunked) are read up to the limit into memory first.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public const int MaxBodyBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            await TooLargeAsync(context);
            return;
        }

        if (request.ContentLength is null && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) ||
            HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method)))
        {
            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    await TooLargeAsync(context);
                    return;
                }

                buffer.Write(chunk, 0, read);
            }

            buffer.Position = 0;
            request.Body = buffer;
            request.ContentLength = buffer.Length;
        }

        await next(context);
    }

    private static Task TooLargeAsync(HttpContext context) =>
        ProblemWriter.WriteAsync(context, Error.Validation("body", $"The request body must be at most {MaxBodyBytes / 1024} KiB."));
}
