using FullAuth.Api.Http.Mfa;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using System.Text.Json;
using FullAuth.Api.Http;
using FullAuth.Api.Http.Cookies;
using FullAuth.Api.Observability;
using FullAuth.Api.OpenApi;
using FullAuth.Application;
using FullAuth.Application.Common.Behaviours;
using FullAuth.Application.Common.Events;
using FullAuth.Infrastructure;

namespace FullAuth.Api;

/// <summary>
/// Every service the API registers, in one place, so the web host and the command line
/// (<c>check</c>, <c>migrate</c>, <c>create-admin</c>) build the same container from the same configuration.
/// </summary>
public static class FullAuthRegistration
{
    public static WebApplicationBuilder AddFullAuth(this WebApplicationBuilder builder)
    {
        builder.AddFullAuthObservability();

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
            .AddControllers(o =>
            {
                // JSON bodies only: the jQuery-style "a[b][c]" query/form key parsers throw on malformed keys (500).
                o.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
                o.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
            })
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
        builder.AddFullAuthOpenApi();
        return builder;
    }
}
