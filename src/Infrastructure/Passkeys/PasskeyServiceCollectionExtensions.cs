using FullAuth.Application.Passkeys.Common;
using FullAuth.Infrastructure.Passkeys.WebAuthn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.Passkeys;

internal static class PasskeyServiceCollectionExtensions
{
    /// <summary>Options (validated at startup), the WebAuthn verifier and the passkey repository.</summary>
    public static IServiceCollection AddPasskeys(this IServiceCollection services)
    {
        services.AddOptions<PasskeyOptions>().BindConfiguration(PasskeyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<PasskeyOptions>, PasskeyOptionsDefaults>();
        services.AddSingleton<IValidateOptions<PasskeyOptions>, PasskeyOptionsValidator>();
        services.AddSingleton<IWebAuthnVerifier, WebAuthnVerifier>();
        services.AddScoped<IPasskeyRepository, PasskeyRepository>();
        return services;
    }
}
