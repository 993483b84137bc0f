using FullAuth.Application.Common.Interfaces;
using StackExchange.Redis;

namespace FullAuth.Infrastructure.Stores.Redis;

/// <summary>
/// Fixed windows per key, shared by every instance: one Lua script increments the key's counter,
/// starts its window on the first hit (<c>PEXPIRE</c>) and reads the time left (<c>PTTL</c>), so
/// exactly <c>limit</c> requests pass per window across all instances. Fails open: when Redis cannot
/// answer, the call is counted by the per-instance memory limiter (never off) and logged.
/// </summary>
internal sealed class RedisRateLimiter(RedisConnection redis, InMemoryRateLimiter fallback, StoreFailures failures) : IRateLimiter
{
    // KEYS[1] = counter; ARGV[1] = window in ms. Returns {count, ms until the window resets}.
    internal const string Script = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return {count, ttl}
        """;

    public async ValueTask<RateLimitDecision> AcquireAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        try
        {
            var db = await redis.GetDatabaseAsync();
            var windowMs = Math.Max(1L, (long)Math.Ceiling(window.TotalMilliseconds));
            var result = (RedisResult[])(await db.ScriptEvaluateAsync(Script, [redis.Key("rl", key)], [windowMs]))!;
            var count = (long)result[0];
            var resetAfter = TimeSpan.FromMilliseconds(Math.Max(0L, (long)result[1]));
            var remaining = (int)Math.Max(0L, limit - count);
            return new RateLimitDecision(count <= limit, limit, remaining, resetAfter);
        }
        catch (Exception ex) when (RedisConnection.IsOutage(ex))
        {
            failures.FellBack("ratelimit", "FullAuth.RateLimit", ex);
            return await fallback.AcquireAsync(key, limit, window, cancellationToken);
        }
    }
}
