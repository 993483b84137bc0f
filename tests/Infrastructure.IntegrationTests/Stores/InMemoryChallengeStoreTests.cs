using FullAuth.Infrastructure.Stores;
using Microsoft.Extensions.Time.Testing;

namespace FullAuth.Infrastructure.IntegrationTests.Stores;

public sealed class InMemoryChallengeStoreTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TakeAsync_Twice_SecondReturnsNull()
    {
        var store = new InMemoryChallengeStore(_time);
        await store.SetAsync("k", "v", TimeSpan.FromMinutes(1), _ct);

        (await store.TakeAsync("k", _ct)).Should().Be("v");
        (await store.TakeAsync("k", _ct)).Should().BeNull();
    }

    [Fact]
    public async Task TakeAsync_Expired_ReturnsNull()
    {
        var store = new InMemoryChallengeStore(_time);
        await store.SetAsync("k", "v", TimeSpan.FromMinutes(1), _ct);

        _time.Advance(TimeSpan.FromMinutes(1));

        (await store.TakeAsync("k", _ct)).Should().BeNull();
    }

    [Fact]
    public async Task TakeAsync_ConcurrentTakers_ExactlyOneGetsTheValue()
    {
        var store = new InMemoryChallengeStore(_time);
        await store.SetAsync("k", "v", TimeSpan.FromMinutes(1), _ct);

        var taken = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => store.TakeAsync("k", _ct).AsTask(), _ct)));

        taken.Count(v => v == "v").Should().Be(1);
    }
}
