namespace FullAuth.Application.Common.Authorization;

/// <summary>
/// Reads a user's roles and permissions from current state (no token snapshot), so a revoked role
/// stops working on the next request. Memoised per request only.
/// </summary>
public interface IPermissionService
{
    Task<UserAccess?> GetAccessAsync(string userId, CancellationToken cancellationToken);
}
