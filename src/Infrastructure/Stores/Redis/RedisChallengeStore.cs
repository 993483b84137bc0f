using FullAuth.Application.Common.Interfaces;

namespace FullAuth.Infrastructure.Stores.Redis;

/// <summary>
/// Single-use values shared by every instance: <c>SET … PX</c> to store, <c>GETDEL</c> to take, so a
/// value is taken at most once across all instances. Fails closed (503 <c>store_unavailable</c>): a
/// challenge kept in one instance's memory could not be completed on another.
/// </summary>
internal sealed class RedisChallengeStore(RedisConnection redis, StoreFailures failures) : IChallengeStore
{
    private const string Store = "challenges";
    private const string Category = "FullAuth.Challenges";

    public async ValueTask SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            var db = await redis.GetDatabaseAsync();
            if (ttl > TimeSpan.Zero)
            {
                await db.StringSetAsync(redis.Key("ch", key), value, ttl);
            }
            else
            {
                await db.KeyDeleteAsync(redis.Key("ch", key));
            }
        }
        catch (Exception ex) when (RedisConnection.IsOutage(ex))
        {
            throw failures.Unavailable(Store, Category, ex);
        }
    }

    public async ValueTask<string?> TakeAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var db = await redis.GetDatabaseAsync();
            var value = await db.StringGetDeleteAsync(redis.Key("ch", key));
            return value.IsNull ? null : value.ToString();
        }
        catch (Exception ex) when (RedisConnection.IsOutage(ex))
        {
            throw failures.Unavailable(Store, Category, ex);
        }
    }
}
