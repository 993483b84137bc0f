using System.Collections.Concurrent;

namespace FullAuth.Infrastructure.Stores;

/// <summary>
/// A concurrent map whose entries expire. Expired entries are swept now and then on write, so
/// memory stays bounded by what is live.
/// </summary>
internal sealed class ExpiringMap<TValue>(TimeProvider time)
    where TValue : class
{
    private const int SweepEvery = 1024;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _writes;

    public int Count => _entries.Count;

    public TValue? Get(string key)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (entry.ExpiresAt > time.GetUtcNow())
            {
                return entry.Value;
            }

            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }

        return null;
    }

    public void Set(string key, TValue value, TimeSpan ttl)
    {
        _entries[key] = new Entry(value, time.GetUtcNow() + ttl);
        MaybeSweep();
    }

    /// <summary>Atomically reads, transforms and stores an entry (the factory may run more than once under contention).</summary>
    public TValue AddOrUpdate(string key, Func<TValue?, (TValue Value, TimeSpan Ttl)> update)
    {
        var now = time.GetUtcNow();
        var entry = _entries.AddOrUpdate(
            key,
            static (_, state) => { var (v, ttl) = state.update(null); return new Entry(v, state.now + ttl); },
            static (_, existing, state) =>
            {
                var (v, ttl) = state.update(existing.ExpiresAt > state.now ? existing.Value : null);
                return new Entry(v, state.now + ttl);
            },
            (update, now));
        MaybeSweep();
        return entry.Value;
    }

    public void Remove(string key) => _entries.TryRemove(key, out _);

    /// <summary>Atomically removes an entry and returns its value when it had not expired.</summary>
    public TValue? Take(string key) =>
        _entries.TryRemove(key, out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry.Value : null;

    private void MaybeSweep()
    {
        if (Interlocked.Increment(ref _writes) % SweepEvery != 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var pair in _entries)
        {
            if (pair.Value.ExpiresAt <= now)
            {
                _entries.TryRemove(pair);
            }
        }
    }

    private sealed record Entry(TValue Value, DateTimeOffset ExpiresAt);
}
