using Microsoft.AspNetCore.Mvc;

namespace FullAuth.Api.Http.Mfa;

public static class MfaSupport
{
    /// <summary>The Api side of two-factor authentication: the <c>Mfa:RequiredForRoles</c> filter on every controller.</summary>
    public static IServiceCollection AddMfaSupport(this IServiceCollection services)
    {
        services.AddScoped<MfaEnrollmentFilter>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<MfaEnrollmentFilter>());
        return services;
    }
}
