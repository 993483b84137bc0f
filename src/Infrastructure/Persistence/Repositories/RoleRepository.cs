using FullAuth.Application.Common.Interfaces;
using FullAuth.Domain.Roles;
using Microsoft.EntityFrameworkCore;

namespace FullAuth.Infrastructure.Persistence.Repositories;

internal sealed class RoleRepository(AppDbContext db) : IRoleRepository
{
    public Task<Role?> FindAsync(string name, CancellationToken cancellationToken) =>
        db.Roles.FirstOrDefaultAsync(r => r.Name == name, cancellationToken);

    public async Task<IReadOnlyList<Role>> ListAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.ToList();
        return await db.Roles.Where(r => wanted.Contains(r.Name)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Role>> ListAllAsync(CancellationToken cancellationToken) =>
        await db.Roles.OrderBy(r => r.Name).ToListAsync(cancellationToken);

    public void Add(Role role) => db.Roles.Add(role);

    public void Remove(Role role) => db.Roles.Remove(role);
}
