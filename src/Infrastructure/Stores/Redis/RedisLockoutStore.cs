using FullAuth.Application.Common.Interfaces;
using StackExchange.Redis;

namespace FullAuth.Infrastructure.Stores.Redis;

/// <summary>
/// Failure counters per key, shared by every instance, with the in-memory store's semantics: each
/// failure extends the counter's life by the lockout duration; reaching the maximum turns the key
/// into a lock for the duration. One key per subject, changed by one atomic script. Fails open:
/// when Redis cannot answer, the per-instance memory store answers (never off) and it is logged.
/// </summary>
internal sealed class RedisLockoutStore(RedisConnection redis, InMemoryLockoutStore fallback, StoreFailures failures) : ILockoutStore
{
    private const string Locked = "locked";

    // KEYS[1] = subject; ARGV[1] = max attempts, ARGV[2] = duration in ms. Returns 1 when this failure locked the key.
    internal const string RecordFailureScript = """
        if redis.call('GET', KEYS[1]) == 'locked' then
          return 0
        end
        local failures = redis.call('INCR', KEYS[1])
        if failures >= tonumber(ARGV[1]) then
          redis.call('SET', KEYS[1], 'locked', 'PX', ARGV[2])
          return 1
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 0
        """;

    public async ValueTask<bool> IsLockedAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var db = await redis.GetDatabaseAsync();
            return await db.StringGetAsync(redis.Key("lo", key)) == Locked;
        }
        catch (Exception ex) when (RedisConnection.IsOutage(ex))
        {
            failures.FellBack("lockout", "FullAuth.Lockout", ex);
            return await fallback.IsLockedAsync(key, cancellationToken);
        }
    }

    public async ValueTask<bool> RecordFailureAsync(string key, int maxAttempts, TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            var db = await redis.GetDatabaseAsync();
            var durationMs = Math.Max(1L, (long)Math.Ceiling(duration.TotalMilliseconds));
            var result = await db.ScriptEvaluateAsync(RecordFailureScript, [redis.Key("lo", key)], [maxAttempts, durationMs]);
            return (long)result == 1;
        }
        catch (Exception ex) when (RedisConnection.IsOutage(ex))
        {
            failures.FellBack("lockout", "FullAuth.Lockout", ex);
            return await fallback.RecordFailureAsync(key, maxAttempts, duration, cancellationToken);
        }
    }

    public async ValueTask ResetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var db = await redis.GetDatabaseAsync();
            await db.KeyDeleteAsync(redis.Key("lo", key));
        }
        catch (Exception ex) when (RedisConnection.IsOutage(ex))
        {
            failures.FellBack("lockout", "FullAuth.Lockout", ex);
        }

        // Clear what an outage may have counted locally too.
        await fallback.ResetAsync(key, cancellationToken);
    }
}
