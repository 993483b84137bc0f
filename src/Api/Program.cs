using FullAuth.Api;
using FullAuth.Api.Cli;
using FullAuth.Api.Http;
using FullAuth.Api.Http.Cookies;
using FullAuth.Api.Http.Csrf;
using FullAuth.Api.OpenApi;
using FullAuth.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

if (CommandLine.TryRun(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

if (HostCommands.IsHostCommand(args))
{
    return await HostCommands.RunAsync(args, Console.In, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddFullAuth();

var app = builder.Build();

if (FullAuth.Infrastructure.DependencyInjection.SecretKeyGenerated)
{
    app.Logger.LogWarning("FullAuth:SecretKey is not set: generated a temporary one for Development. Tokens stop working when the process restarts.");
}

app.WarnIfSecureCookiesOverPlainHttp();
await DatabaseInitializer.InitializeAsync(app.Services);

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    // Used only if no IExceptionHandler handled it; ExceptionToProblemHandler handles everything.
    ExceptionHandler = context => ProblemWriter.WriteAsync(context, FullAuth.Application.Common.Results.ErrorCodes.InternalError),
});
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseCors(BrowserSupport.CorsPolicy);
app.UseStatusCodePages(context =>
{
    var status = context.HttpContext.Response.StatusCode;
    return ProblemWriter.WriteAsync(context.HttpContext, ProblemCatalog.CodeForStatus(status));
});
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseMiddleware<RateLimitHeadersMiddleware>();
app.UseAuthentication();
app.UseMiddleware<CsrfMiddleware>();
app.UseAuthorization();

app.MapControllers();
app.MapFullAuthOpenApi();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });

await app.RunAsync();
return 0;

/// <summary>The web host's entry point; public so functional tests can start it.</summary>
public partial class Program;
