using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FullAuth.Infrastructure.Stores.Redis;

/// <summary><c>/health/ready</c>'s <c>redis</c> entry (only when a store uses Redis): one <c>PING</c>.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var db = await redis.GetDatabaseAsync();
            var latency = await db.PingAsync();
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception ex) when (RedisConnection.IsOutage(ex))
        {
            return HealthCheckResult.Unhealthy("Redis is unreachable.");
        }
    }
}
