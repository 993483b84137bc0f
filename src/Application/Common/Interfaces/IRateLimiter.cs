namespace FullAuth.Application.Common.Interfaces;

/// <summary>The limiter's answer for one request.</summary>
public sealed record RateLimitDecision(bool Allowed, int Limit, int Remaining, TimeSpan ResetAfter);

/// <summary>Fixed-window counters, one per key.</summary>
public interface IRateLimiter
{
    ValueTask<RateLimitDecision> AcquireAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken);
}
