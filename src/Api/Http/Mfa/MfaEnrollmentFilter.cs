using FullAuth.Application.Common.Mfa;
using FullAuth.Application.Common.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FullAuth.Api.Http.Mfa;

/// <summary>
/// <c>Mfa:RequiredForRoles</c>: on routes that need an access token, a member of a listed role without
/// TOTP gets 403 <c>mfa_enrollment_required</c>, except on <c>/me</c> and <c>/mfa/*</c> (so they can
/// enroll) and <c>/logout</c>. Routes without <c>[Authorize]</c> (sign-in, refresh, <c>/csrf</c>) are not affected.
/// </summary>
public sealed class MfaEnrollmentFilter(IMfaEnrollment enrollment) : IAsyncAuthorizationFilter
{
    private static readonly string[] ExemptPaths = ["/api/v1/auth/me", "/api/v1/auth/logout"];
    private const string MfaPrefix = "/api/v1/auth/mfa/";

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (http.GetCaller() is not { } caller
            || !context.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any()
            || context.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        var path = http.Request.Path.Value?.TrimEnd('/') ?? string.Empty;
        if (ExemptPaths.Contains(path, StringComparer.OrdinalIgnoreCase)
            || path.StartsWith(MfaPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (await enrollment.IsRequiredAsync(caller.UserId, http.RequestAborted))
        {
            context.Result = new ProblemResult(Error.MfaEnrollmentRequired);
        }
    }
}
