using FullAuth.Application.Common.Interfaces;

namespace FullAuth.Infrastructure.Stores;

/// <summary>Fixed windows per key, counted atomically: exactly <c>limit</c> requests pass per window.</summary>
internal sealed class InMemoryRateLimiter(TimeProvider time) : IRateLimiter
{
    private readonly ExpiringMap<Window> _windows = new(time);

    public ValueTask<RateLimitDecision> AcquireAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = _windows.AddOrUpdate(key, existing =>
        {
            var w = existing ?? new Window(now + window);
            return (w, w.ResetAt - now);
        });

        var count = Interlocked.Increment(ref current.Count);
        var resetAfter = current.ResetAt - now;
        if (resetAfter < TimeSpan.Zero)
        {
            resetAfter = TimeSpan.Zero;
        }

        return ValueTask.FromResult(new RateLimitDecision(count <= limit, limit, Math.Max(0, limit - count), resetAfter));
    }

    private sealed class Window(DateTimeOffset resetAt)
    {
        public int Count;

        public DateTimeOffset ResetAt { get; } = resetAt;
    }
}
