using FullAuth.Application.Common.Interfaces;

namespace FullAuth.Infrastructure.Stores;

/// <summary>Process-local single-use values: fine for one instance; several instances need the Redis store.</summary>
internal sealed class InMemoryChallengeStore(TimeProvider time) : IChallengeStore
{
    private readonly ExpiringMap<string> _values = new(time);

    public ValueTask SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        if (ttl > TimeSpan.Zero)
        {
            _values.Set(key, value, ttl);
        }
        else
        {
            _values.Remove(key);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<string?> TakeAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_values.Take(key));
}
