using FullAuth.Application.Common.Options;
using FullAuth.Infrastructure.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FullAuth.Infrastructure.Stores.Redis;

/// <summary>
/// The one shared <see cref="ConnectionMultiplexer"/> of the process, connected on first use. It
/// never aborts on a failed connect and reconnects by itself; while it is disconnected commands fail
/// at once (<see cref="BacklogPolicy.FailFast"/>) so each store applies its failure policy quickly.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;
    private readonly ILogger _logger;

    public RedisConnection(IOptions<FullAuthOptions> options, IOptions<RedisOptions> redisOptions, ILoggerFactory loggerFactory)
    {
        _logger = loggerFactory.CreateLogger("FullAuth.Redis");
        KeyPrefix = redisOptions.Value.KeyPrefix ?? string.Empty;
        var redisUrl = options.Value.RedisUrl;
        _multiplexer = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectAsync(redisUrl), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Prepended to every key (<c>FullAuth:Redis:KeyPrefix</c>).</summary>
    public string KeyPrefix { get; }

    public async ValueTask<IDatabase> GetDatabaseAsync()
    {
        var task = _multiplexer.Value;
        var multiplexer = task.IsCompletedSuccessfully ? task.Result : await task;
        return multiplexer.GetDatabase();
    }

    /// <summary>The shared multiplexer (connected or still retrying).</summary>
    public Task<ConnectionMultiplexer> GetMultiplexerAsync() => _multiplexer.Value;

    /// <summary>For callers that cannot await (Data Protection's key repository).</summary>
    public IDatabase GetDatabase() => _multiplexer.Value.GetAwaiter().GetResult().GetDatabase();

    public RedisKey Key(string kind, string id) => KeyPrefix + kind + ":" + id;

    /// <summary>True for the failures that mean "Redis is unreachable or not answering", which the failure policy covers.</summary>
    public static bool IsOutage(Exception exception) =>
        exception is RedisConnectionException or RedisTimeoutException or TimeoutException ||
        (exception is RedisServerException server && (server.Message.StartsWith("LOADING", StringComparison.Ordinal) ||
            server.Message.StartsWith("BUSY", StringComparison.Ordinal) || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal) ||
            server.Message.StartsWith("READONLY", StringComparison.Ordinal) || server.Message.StartsWith("TRYAGAIN", StringComparison.Ordinal)));

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            try
            {
                var multiplexer = await _multiplexer.Value;
                await multiplexer.DisposeAsync();
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Shutting down: nothing left to do with a connection that never worked.
            }
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(string? redisUrl)
    {
        if (string.IsNullOrWhiteSpace(redisUrl))
        {
            throw new InvalidOperationException("FullAuth:RedisUrl is required because a store uses Redis. Set FullAuth__RedisUrl (for example 127.0.0.1:6379).");
        }

        var configuration = RedisConfiguration.Parse(redisUrl);
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
        multiplexer.ConnectionFailed += (_, e) =>
            _logger.LogWarning("Redis connection to {EndPoint} lost ({FailureType}); retrying in the background", e.EndPoint, e.FailureType);
        multiplexer.ConnectionRestored += (_, e) =>
            _logger.LogInformation("Redis connection to {EndPoint} restored", e.EndPoint);
        if (!multiplexer.IsConnected)
        {
            _logger.LogWarning("Redis is not reachable yet; retrying in the background (the blacklist answers 503, the rate limiter and lockout use per-instance memory)");
        }

        return multiplexer;
    }
}
