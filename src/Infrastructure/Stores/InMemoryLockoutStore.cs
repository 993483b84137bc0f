using FullAuth.Application.Common.Interfaces;

namespace FullAuth.Infrastructure.Stores;

/// <summary>
/// Failure counters per key. The counter lives until one lockout duration passes without a failure
/// (each failure extends it); reaching the maximum locks the key for the duration.
/// </summary>
internal sealed class InMemoryLockoutStore(TimeProvider time) : ILockoutStore
{
    private readonly ExpiringMap<State> _states = new(time);

    public ValueTask<bool> IsLockedAsync(string key, CancellationToken cancellationToken)
    {
        var state = _states.Get(key);
        return ValueTask.FromResult(state?.LockedUntil is { } until && until > time.GetUtcNow());
    }

    public ValueTask<bool> RecordFailureAsync(string key, int maxAttempts, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lockedNow = false;
        _states.AddOrUpdate(key, existing =>
        {
            lockedNow = false;
            var failures = (existing?.Failures ?? 0) + 1;
            if (existing?.LockedUntil is { } until && until > now)
            {
                return (existing, until - now);
            }

            if (failures >= maxAttempts)
            {
                lockedNow = true;
                return (new State(failures, now + duration), duration);
            }

            return (new State(failures, null), duration);
        });
        return ValueTask.FromResult(lockedNow);
    }

    public ValueTask ResetAsync(string key, CancellationToken cancellationToken)
    {
        _states.Remove(key);
        return ValueTask.CompletedTask;
    }

    private sealed record State(int Failures, DateTimeOffset? LockedUntil);
}
