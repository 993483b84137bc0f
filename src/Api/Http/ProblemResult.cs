using FullAuth.Application.Common.Results;
using Microsoft.AspNetCore.Mvc;

namespace FullAuth.Api.Http;

/// <summary>An MVC result that writes an <see cref="Error"/> as problem details.</summary>
public sealed class ProblemResult(Error error) : IActionResult
{
    public Error Error { get; } = error;

    public Task ExecuteResultAsync(ActionContext context) => ProblemWriter.WriteAsync(context.HttpContext, Error);
}
