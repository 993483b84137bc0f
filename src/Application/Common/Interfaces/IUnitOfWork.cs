namespace FullAuth.Application.Common.Interfaces;

public interface IUnitOfWork
{
    /// <summary>Saves tracked changes. Throws <see cref="Results.DuplicateKeyException"/> on a uniqueness violation.</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
