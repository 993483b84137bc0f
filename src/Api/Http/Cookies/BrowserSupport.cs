using FullAuth.Api.Http.Csrf;
using FullAuth.Application.Common.Options;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FullAuth.Api.Http.Cookies;

/// <summary>Registers what serving a browser frontend needs: cookie delivery, CSRF and CORS.</summary>
public static class BrowserSupport
{
    public const string CorsPolicy = "FullAuthFrontend";

    /// <summary>Response headers a frontend may read across origins.</summary>
    public static readonly string[] ExposedHeaders =
        ["Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "WWW-Authenticate"];

    public static IServiceCollection AddBrowserSupport(this IServiceCollection services)
    {
        services.AddOptions<CookiesOptions>().BindConfiguration(CookiesOptions.SectionName).ValidateOnStart();
        services.AddOptions<CorsOriginsOptions>().BindConfiguration(CorsOriginsOptions.SectionName).ValidateOnStart();
        services.AddOptions<CsrfOptions>().BindConfiguration(CsrfOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CookiesOptions>, BrowserOptionsValidator>();
        services.AddSingleton<IValidateOptions<CorsOriginsOptions>, BrowserOptionsValidator>();

        services.AddSingleton<AuthCookies>();
        services.AddSingleton<AllowedOrigins>();
        services.AddSingleton<CsrfTokens>();
        services.AddSingleton<CsrfProtection>();
        services.AddScoped<RefreshCookieSessions>();
        services.AddScoped<TokenDelivery>();

        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<AllowedOrigins>((cors, origins) => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins([.. origins.All])
                .AllowCredentials()
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Content-Type", "Authorization", CsrfProtection.HeaderName)
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }

    /// <summary>
    /// Cookie mode outside <c>Debug</c> sets Secure cookies, which browsers never send back over plain
    /// HTTP: warn when every address the server listens on is <c>http://</c> (fine behind a TLS-terminating
    /// proxy, which is why this warns instead of failing).
    /// </summary>
    public static void WarnIfSecureCookiesOverPlainHttp(this WebApplication app)
    {
        var root = app.Services.GetRequiredService<IOptions<FullAuthOptions>>().Value;
        if (root.Debug || TokenDeliveryModes.Parse(root.TokenDelivery) == TokenDeliveryMode.Json)
        {
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
            if (addresses.Count == 0)
            {
                addresses = (app.Configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            }

            if (addresses.Count > 0 && addresses.TrueForAll(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
            {
                app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FullAuth.Cookies").LogWarning(
                    "FullAuth:TokenDelivery is '{Mode}' without FullAuth:Debug, but the server listens only on plain HTTP ({Addresses}). " +
                    "Browsers do not send Secure cookies back over HTTP: serve HTTPS, or terminate TLS at a proxy listed in FullAuth:TrustedProxies.",
                    root.TokenDelivery,
                    string.Join(", ", addresses));
            }
        });
    }
}
