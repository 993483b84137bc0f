using FullAuth.Application.Common.Interfaces;

namespace FullAuth.Application.Common.Authorization;

public sealed class PermissionService(IUserRepository users, IRoleRepository roles) : IPermissionService
{
    private readonly Dictionary<string, UserAccess?> _memo = new(StringComparer.Ordinal);

    public async Task<UserAccess?> GetAccessAsync(string userId, CancellationToken cancellationToken)
    {
        if (_memo.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        var user = await users.FindByIdAsync(userId, cancellationToken);
        UserAccess? access = null;
        if (user is not null)
        {
            var roleNames = user.RoleNames;
            var permissions = (await roles.ListAsync(roleNames, cancellationToken))
                .SelectMany(r => r.Permissions)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            access = new UserAccess(user.Id, user.IsActive, roleNames, permissions);
        }

        _memo[userId] = access;
        return access;
    }
}
