using FullAuth.Infrastructure.Stores;
using Microsoft.Extensions.Time.Testing;

namespace FullAuth.Infrastructure.IntegrationTests.Stores;

public sealed class InMemoryLockoutStoreTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private static async Task<bool[]> FailAsync(InMemoryLockoutStore store, string key, int times)
    {
        var results = new bool[times];
        for (var i = 0; i < times; i++)
        {
            results[i] = await store.RecordFailureAsync(key, 5, Duration, CancellationToken.None);
        }

        return results;
    }

    [Fact]
    public async Task RecordFailureAsync_FifthFailure_Locks()
    {
        var store = new InMemoryLockoutStore(_time);

        (await FailAsync(store, "a@example.com", 4)).Should().OnlyContain(locked => !locked);
        (await store.IsLockedAsync("a@example.com", CancellationToken.None)).Should().BeFalse();

        (await store.RecordFailureAsync("a@example.com", 5, Duration, CancellationToken.None)).Should().BeTrue();
        (await store.IsLockedAsync("a@example.com", CancellationToken.None)).Should().BeTrue();
        (await store.IsLockedAsync("b@example.com", CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task RecordFailureAsync_WhileLocked_DoesNotReportLockingAgainNorExtend()
    {
        var store = new InMemoryLockoutStore(_time);
        await FailAsync(store, "k", 5);

        _time.Advance(TimeSpan.FromMinutes(10));
        (await store.RecordFailureAsync("k", 5, Duration, CancellationToken.None)).Should().BeFalse();

        _time.Advance(TimeSpan.FromMinutes(5));
        (await store.IsLockedAsync("k", CancellationToken.None)).Should().BeFalse("the lock ends one duration after it began");
    }

    [Fact]
    public async Task IsLockedAsync_AfterTheDuration_Unlocks()
    {
        var store = new InMemoryLockoutStore(_time);
        await FailAsync(store, "k", 5);

        _time.Advance(Duration - TimeSpan.FromSeconds(1));
        (await store.IsLockedAsync("k", CancellationToken.None)).Should().BeTrue();

        _time.Advance(TimeSpan.FromSeconds(1));
        (await store.IsLockedAsync("k", CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task ResetAsync_ClearsLockAndCount()
    {
        var store = new InMemoryLockoutStore(_time);
        await FailAsync(store, "k", 5);

        await store.ResetAsync("k", CancellationToken.None);

        (await store.IsLockedAsync("k", CancellationToken.None)).Should().BeFalse();
        (await FailAsync(store, "k", 4)).Should().OnlyContain(locked => !locked, "the count started again from zero");
        (await store.IsLockedAsync("k", CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task RecordFailureAsync_ConcurrentFailures_LockExactlyOnce()
    {
        var store = new InMemoryLockoutStore(_time);

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
            await store.RecordFailureAsync("k", 5, Duration, CancellationToken.None))));

        results.Count(locked => locked).Should().Be(1);
        (await store.IsLockedAsync("k", CancellationToken.None)).Should().BeTrue();
    }
}
