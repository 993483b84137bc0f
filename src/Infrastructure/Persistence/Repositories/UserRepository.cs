using FullAuth.Application.Common.Interfaces;
using FullAuth.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace FullAuth.Infrastructure.Persistence.Repositories;

internal sealed class UserRepository(AppDbContext db) : IUserRepository
{
    public Task<User?> FindByIdAsync(string id, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    public Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Email == normalizedEmail, cancellationToken);

    public void Add(User user) => db.Users.Add(user);

    public void Remove(User user) => db.Users.Remove(user);

    public Task<int> CountActiveWithRoleAsync(string roleName, CancellationToken cancellationToken) =>
        db.Users.CountAsync(u => u.IsActive && u.Roles.Any(r => r.RoleName == roleName), cancellationToken);
}
