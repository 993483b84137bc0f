using System.Diagnostics.Metrics;
using FullAuth.Application.Common.Results;
using Microsoft.Extensions.Logging;

namespace FullAuth.Infrastructure.Stores.Redis;

/// <summary>
/// The failure policy's bookkeeping. Fail-open stores (rate limiter, lockout) count each fallback in
/// <c>fullauth.store.fallbacks</c> and log a warning (at most one per store every few seconds, so an
/// outage does not flood the log); fail-closed stores (blacklist, challenges) count
/// <c>fullauth.store.unavailable</c> and turn the failure into 503 <c>store_unavailable</c>.
/// </summary>
internal sealed class StoreFailures
{
    public const string MeterName = "FullAuth";
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);

    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _unavailable;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, long> _lastLogged = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public StoreFailures(IMeterFactory meterFactory, ILoggerFactory loggerFactory, TimeProvider time)
    {
        var meter = meterFactory.Create(MeterName);
        _fallbacks = meter.CreateCounter<long>("fullauth.store.fallbacks", description: "Rate-limiter and lockout calls answered from per-instance memory because Redis failed");
        _unavailable = meter.CreateCounter<long>("fullauth.store.unavailable", description: "Blacklist and challenge calls refused with 503 because Redis failed");
        _loggerFactory = loggerFactory;
        _time = time;
    }

    /// <summary>Records a fail-open fallback; <paramref name="category"/> is the log category (<c>FullAuth.RateLimit</c>, <c>FullAuth.Lockout</c>).</summary>
    public void FellBack(string store, string category, Exception exception)
    {
        _fallbacks.Add(1, new KeyValuePair<string, object?>("store", store));
        if (ShouldLog(store))
        {
            _loggerFactory.CreateLogger(category).LogWarning(
                "Redis {Store} store failed ({Error}); answering from per-instance memory until Redis is back", store, exception.GetType().Name);
        }
    }

    /// <summary>Records a fail-closed refusal and returns the exception that becomes 503 <c>store_unavailable</c> with <c>Retry-After</c>.</summary>
    public ServiceUnavailableException Unavailable(string store, string category, Exception exception)
    {
        _unavailable.Add(1, new KeyValuePair<string, object?>("store", store));
        if (ShouldLog(store))
        {
            _loggerFactory.CreateLogger(category).LogWarning(
                "Redis {Store} store failed ({Error}); refusing with 503 store_unavailable until Redis is back", store, exception.GetType().Name);
        }

        return new ServiceUnavailableException(ErrorCodes.StoreUnavailable, RetryAfter, $"The {store} store (Redis) is unavailable.", exception);
    }

    private bool ShouldLog(string store)
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (_lastLogged.TryGetValue(store, out var last) && _time.GetElapsedTime(last, now) < LogEvery)
            {
                return false;
            }

            _lastLogged[store] = now;
            return true;
        }
    }
}
