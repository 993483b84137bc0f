using FullAuth.Application.OAuth.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.OAuth;

internal static class OAuthServiceCollectionExtensions
{
    /// <summary>Options, the provider registry, the outbound HTTP client (timeout, no redirects) and persistence.</summary>
    public static IServiceCollection AddOAuth(this IServiceCollection services)
    {
        services.AddOptions<OAuthOptions>().BindConfiguration(OAuthOptions.SectionName).ValidateOnStart();
        services.AddOptions<OAuthProvidersOptions>().BindConfiguration(OAuthProvidersOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OAuthOptions>, OAuthOptionsValidator>();
        services.AddSingleton<IValidateOptions<OAuthProvidersOptions>, OAuthOptionsValidator>();

        services.AddHttpClient(OAuthHttp.ClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<OAuthProvidersOptions>>().Value.HttpTimeout;
                client.MaxResponseContentBufferSize = 1024 * 1024;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

        services.AddSingleton<IOAuthProviderRegistry, OAuthProviderRegistry>();
        services.AddSingleton<IOAuthStateKey, OAuthStateKey>();
        services.AddSingleton<IProviderTokenStore, DataProtectionProviderTokenStore>();
        services.AddScoped<IOAuthAccountRepository, OAuthAccountRepository>();
        return services;
    }
}
