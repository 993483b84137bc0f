using FluentValidation;
using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Behaviours;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.Common.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FullAuth.Application;

public static class DependencyInjection
{
    /// <summary>Application services and validators. The Api adds Mediator (source-generated) with the behaviours.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<RateLimitState>();
        services.AddScoped<ISessionIssuer, SessionIssuer>();
        services.AddScoped<ISessionRevoker, SessionRevoker>();
        services.AddScoped<IReauthentication, Reauthentication>();
        services.AddScoped<IOneTimeTokens, OneTimeTokens>();
        services.AddScoped<IMailer, Mailer>();
        services.AddScoped<IPermissionService, PermissionService>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<Common.Mfa.IMfaTokens, Common.Mfa.MfaTokens>();
        services.AddScoped<Common.Mfa.ISecondFactor, Common.Mfa.SecondFactor>();
        services.AddScoped<Common.Mfa.IMfaEnrollment, Common.Mfa.MfaEnrollment>();
        services.AddScoped<FullAuth.Application.OAuth.Common.OAuthFlows>();
        services.AddScoped<FullAuth.Application.Passkeys.Common.PasskeyCeremonies>();
        services.AddScoped<FullAuth.Application.Admin.Common.AdminGuard>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
