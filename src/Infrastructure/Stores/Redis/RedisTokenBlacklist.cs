using FullAuth.Application.Common.Interfaces;
using StackExchange.Redis;

namespace FullAuth.Infrastructure.Stores.Redis;

/// <summary>
/// Revoked <c>jti</c>s and <c>sid</c>s as keys with TTLs, shared by every instance. A check is one
/// round trip (<c>EXISTS jti-key sid-key</c>). Fails closed: when Redis cannot answer, the request
/// gets 503 <c>store_unavailable</c>, never a silent pass.
/// </summary>
internal sealed class RedisTokenBlacklist(RedisConnection redis, StoreFailures failures) : ITokenBlacklist
{
    private const string Store = "blacklist";
    private const string Category = "FullAuth.Tokens";

    public ValueTask RevokeTokenAsync(string jti, TimeSpan ttl, CancellationToken cancellationToken) =>
        SetAsync(redis.Key("bl:jti", jti), ttl);

    public ValueTask RevokeSessionAsync(string sessionId, TimeSpan ttl, CancellationToken cancellationToken) =>
        SetAsync(redis.Key("bl:sid", sessionId), ttl);

    public async ValueTask<bool> IsRevokedAsync(string jti, string sessionId, CancellationToken cancellationToken)
    {
        try
        {
            var db = await redis.GetDatabaseAsync();
            return await db.KeyExistsAsync([redis.Key("bl:jti", jti), redis.Key("bl:sid", sessionId)]) > 0;
        }
        catch (Exception ex) when (RedisConnection.IsOutage(ex))
        {
            throw failures.Unavailable(Store, Category, ex);
        }
    }

    private async ValueTask SetAsync(RedisKey key, TimeSpan ttl)
    {
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            var db = await redis.GetDatabaseAsync();
            await db.StringSetAsync(key, "1", ttl);
        }
        catch (Exception ex) when (RedisConnection.IsOutage(ex))
        {
            throw failures.Unavailable(Store, Category, ex);
        }
    }
}
