using System.Text.Json;
using FullAuth.Api.Cli;
using FullAuth.Api.Http;
using FullAuth.Api.Http.Cookies;
using FullAuth.Api.Http.Csrf;
using FullAuth.Api.Http.Mfa;
using FullAuth.Application;
using FullAuth.Application.Common.Behaviours;
using FullAuth.Application.Common.Events;
using FullAuth.Infrastructure;
using FullAuth.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;

if (CommandLine.TryRun(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.NotificationPublisherType = typeof(SafeNotificationPublisher);
    options.PipelineBehaviors =
    [
        typeof(LoggingBehaviour<,>),
        typeof(RateLimitingBehaviour<,>),
        typeof(PermissionAuthorizationBehaviour<,>),
        typeof(RoleAuthorizationBehaviour<,>),
        typeof(ValidationBehaviour<,>),
    ];
});

builder.Services.AddSingleton<ClientIpResolver>();
builder.Services.AddBrowserSupport();
builder.Services.AddMfaSupport();
builder.Services.AddExceptionHandler<ExceptionToProblemHandler>();
builder.Services
    .AddControllers()
    .AddJsonOptions(o =>
    {
        o.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.JsonSerializerOptions.Converters.Add(new UtcDateTimeOffsetConverter());
    })
    .ConfigureApiBehaviorOptions(o =>
    {
        o.SuppressMapClientErrors = true;
        o.InvalidModelStateResponseFactory = ModelStateProblems.Create;
    });
builder.Services
    .AddAuthentication(AccessTokenAuthenticationHandler.SchemeName)
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorization();
builder.Services.AddOpenApi();

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
app.MapOpenApi();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });

await app.RunAsync();
return 0;

/// <summary>The web host's entry point; public so functional tests can start it.</summary>
public partial class Program;
