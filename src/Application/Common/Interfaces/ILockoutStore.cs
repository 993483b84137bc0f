namespace FullAuth.Application.Common.Interfaces;

/// <summary>Failed-attempt counters per key (a normalized email), whether or not an account exists.</summary>
public interface ILockoutStore
{
    /// <summary>True while the key is locked out.</summary>
    ValueTask<bool> IsLockedAsync(string key, CancellationToken cancellationToken);

    /// <summary>Counts a failure; returns true when this failure locked the key.</summary>
    ValueTask<bool> RecordFailureAsync(string key, int maxAttempts, TimeSpan duration, CancellationToken cancellationToken);

    ValueTask ResetAsync(string key, CancellationToken cancellationToken);
}
