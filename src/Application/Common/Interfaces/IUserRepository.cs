using FullAuth.Domain.Users;

namespace FullAuth.Application.Common.Interfaces;

/// <summary>Users with their role memberships.</summary>
public interface IUserRepository
{
    Task<User?> FindByIdAsync(string id, CancellationToken cancellationToken);

    Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken);

    void Add(User user);

    void Remove(User user);

    /// <summary>A page of users, oldest first; <paramref name="search"/> matches email or name (case-insensitive).</summary>
    Task<(IReadOnlyList<User> Items, int Total)> SearchAsync(int page, int pageSize, string? search, CancellationToken cancellationToken);

    /// <summary>Active users holding <paramref name="roleName"/>.</summary>
    Task<int> CountActiveWithRoleAsync(string roleName, CancellationToken cancellationToken);
}
