using FullAuth.Domain.Users;

namespace FullAuth.Application.Common.Interfaces;

/// <summary>Users with their role memberships.</summary>
public interface IUserRepository
{
    Task<User?> FindByIdAsync(string id, CancellationToken cancellationToken);

    Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken);

    void Add(User user);

    void Remove(User user);

    /// <summary>Active users holding <paramref name="roleName"/>.</summary>
    Task<int> CountActiveWithRoleAsync(string roleName, CancellationToken cancellationToken);
}
