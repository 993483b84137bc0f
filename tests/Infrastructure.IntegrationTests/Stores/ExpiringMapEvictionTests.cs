using System.Reflection;
using FullAuth.Infrastructure.Stores;
using Microsoft.Extensions.Time.Testing;

namespace FullAuth.Infrastructure.IntegrationTests.Stores;

/// <summary>
/// Memory stays bounded by what is live: expired entries that are never read again are swept on
/// later writes (every 1024 writes), in the map and in the in-memory stores built on it.
/// </summary>
public sealed class ExpiringMapEvictionTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Set_AfterEntriesExpired_SweepsThemAway()
    {
        var map = new ExpiringMap<object>(_time);
        for (var i = 0; i < 5000; i++)
        {
            map.Set("old-" + i, new object(), TimeSpan.FromMinutes(1));
        }

        _time.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 1024; i++)
        {
            map.Set("new-" + i, new object(), TimeSpan.FromMinutes(1));
        }

        map.Count.Should().BeLessThanOrEqualTo(1024, "the 5000 expired entries were never read again, yet they are gone");
        map.Get("new-1").Should().NotBeNull("live entries survive the sweep");
    }

    [Fact]
    public async Task InMemoryTokenBlacklist_ExpiredRevocations_AreEvicted()
    {
        var blacklist = new InMemoryTokenBlacklist(_time);
        for (var i = 0; i < 5000; i++)
        {
            await blacklist.RevokeSessionAsync("sid-" + i, TimeSpan.FromMinutes(15), CancellationToken.None);
        }

        Count(blacklist, "_entries").Should().Be(5000);
        _time.Advance(TimeSpan.FromMinutes(16));
        for (var i = 0; i < 2048; i++)
        {
            await blacklist.RevokeTokenAsync("jti-" + i, TimeSpan.FromMinutes(15), CancellationToken.None);
        }

        Count(blacklist, "_entries").Should().BeLessThanOrEqualTo(2048);
        (await blacklist.IsRevokedAsync("jti-7", "sid-none", CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task InMemoryRateLimiter_ExpiredWindows_AreEvicted()
    {
        var limiter = new InMemoryRateLimiter(_time);
        for (var i = 0; i < 5000; i++)
        {
            await limiter.AcquireAsync("login:10.0.0." + i, 5, TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        Count(limiter, "_windows").Should().Be(5000);
        _time.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 2048; i++)
        {
            await limiter.AcquireAsync("login:10.1.0." + i, 5, TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        Count(limiter, "_windows").Should().BeLessThanOrEqualTo(2048);
    }

    [Fact]
    public async Task InMemoryLockoutStore_ExpiredCounters_AreEvicted()
    {
        var lockout = new InMemoryLockoutStore(_time);
        for (var i = 0; i < 5000; i++)
        {
            await lockout.RecordFailureAsync($"u{i}@example.com", 5, TimeSpan.FromMinutes(15), CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromMinutes(16));
        for (var i = 0; i < 2048; i++)
        {
            await lockout.RecordFailureAsync($"v{i}@example.com", 5, TimeSpan.FromMinutes(15), CancellationToken.None);
        }

        Count(lockout, "_states").Should().BeLessThanOrEqualTo(2048);
    }

    private static int Count(object store, string field)
    {
        var map = store.GetType().GetField(field, BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(store)
            ?? throw new InvalidOperationException($"{store.GetType().Name} has no field {field}: update this test with the store.");
        return (int)map.GetType().GetProperty("Count")!.GetValue(map)!;
    }
}
