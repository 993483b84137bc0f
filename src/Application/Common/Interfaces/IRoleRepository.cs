using FullAuth.Domain.Roles;

namespace FullAuth.Application.Common.Interfaces;

public interface IRoleRepository
{
    Task<Role?> FindAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<Role>> ListAsync(IEnumerable<string> names, CancellationToken cancellationToken);

    Task<IReadOnlyList<Role>> ListAllAsync(CancellationToken cancellationToken);

    void Add(Role role);

    void Remove(Role role);
}
