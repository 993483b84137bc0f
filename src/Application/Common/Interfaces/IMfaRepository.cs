namespace FullAuth.Application.Common.Interfaces;

/// <summary>The atomic parts of the second factor: the replay guard and the recovery codes.</summary>
public interface IMfaRepository
{
    /// <summary>
    /// Records <paramref name="step"/> as the user's last accepted TOTP step if it is later than the
    /// stored one, in one conditional update; false when another request already used this step or a later one.
    /// </summary>
    Task<bool> TryAdvanceTotpStepAsync(string userId, long step, CancellationToken cancellationToken);

    /// <summary>Deletes the user's recovery codes at once and adds the new digests to the unit of work.</summary>
    Task ReplaceRecoveryCodesAsync(string userId, IReadOnlyList<string> codeHashes, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks the unused code with this digest used, in one conditional update; false if none.</summary>
    Task<bool> TryUseRecoveryCodeAsync(string userId, string codeHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes every recovery code of the user at once.</summary>
    Task DeleteRecoveryCodesAsync(string userId, CancellationToken cancellationToken);

    Task<int> CountUnusedRecoveryCodesAsync(string userId, CancellationToken cancellationToken);
}
