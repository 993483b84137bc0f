using FullAuth.Domain.Passkeys;

namespace FullAuth.Application.Passkeys.Common;

public interface IPasskeyRepository
{
    /// <summary>Oldest first.</summary>
    Task<IReadOnlyList<Passkey>> ListForUserAsync(string userId, CancellationToken cancellationToken);

    Task<Passkey?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken);

    /// <summary>The user's passkey with this id, tracked; null when unknown or another user's.</summary>
    Task<Passkey?> FindForUserAsync(string userId, string id, CancellationToken cancellationToken);

    void Add(Passkey passkey);

    void Remove(Passkey passkey);

    /// <summary>
    /// Records a verified assertion only if the stored counter is still <paramref name="expectedSignCount"/>
    /// (optimistic concurrency): false when a concurrent assertion of the same credential won.
    /// </summary>
    Task<bool> TryRecordUseAsync(string id, uint expectedSignCount, uint signCount, bool backedUp, DateTimeOffset now, CancellationToken cancellationToken);
}
