using FullAuth.Api.Http;
using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Results;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FullAuth.Api.Authorization;

/// <summary>
/// Protects a controller or action with a permission, read from current state on every request
/// (a revoked role stops working at once): 401 <c>unauthenticated</c> without a valid access token,
/// 403 <c>forbidden</c> without the permission. Runs before model binding, so callers without the
/// permission learn nothing about the body.
/// <code>[RequirePermission("reports:read")]</code>
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(string permission) : Attribute, IAsyncAuthorizationFilter
{
    public string Permission { get; } = permission;

    public Task OnAuthorizationAsync(AuthorizationFilterContext context) =>
        AccessCheck.RunAsync(context, access => access.HasPermission(Permission));
}

/// <summary>Protects a controller or action with a role, checked like <see cref="RequirePermissionAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequireRoleAttribute(string role) : Attribute, IAsyncAuthorizationFilter
{
    public string Role { get; } = role;

    public Task OnAuthorizationAsync(AuthorizationFilterContext context) =>
        AccessCheck.RunAsync(context, access => access.HasRole(Role));
}

internal static class AccessCheck
{
    public static async Task RunAsync(AuthorizationFilterContext context, Func<UserAccess, bool> allowed)
    {
        var caller = context.HttpContext.GetCaller();
        if (caller is null)
        {
            context.Result = new ProblemResult(Error.Unauthenticated);
            return;
        }

        var permissions = context.HttpContext.RequestServices.GetRequiredService<IPermissionService>();
        var access = await permissions.GetAccessAsync(caller.UserId, context.HttpContext.RequestAborted);
        if (access is not { IsActive: true })
        {
            context.Result = new ProblemResult(Error.Unauthenticated);
        }
        else if (!allowed(access))
        {
            context.Result = new ProblemResult(Error.Forbidden);
        }
    }
}
