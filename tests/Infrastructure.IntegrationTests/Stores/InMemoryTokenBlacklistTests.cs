using FullAuth.Infrastructure.Stores;
using Microsoft.Extensions.Time.Testing;

namespace FullAuth.Infrastructure.IntegrationTests.Stores;

public sealed class InMemoryTokenBlacklistTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RevokeTokenAsync_UntilTtl_JtiIsRevokedThenForgotten()
    {
        var blacklist = new InMemoryTokenBlacklist(_time);
        await blacklist.RevokeTokenAsync("jti-1", TimeSpan.FromMinutes(10), CancellationToken.None);

        (await blacklist.IsRevokedAsync("jti-1", "sid-x", CancellationToken.None)).Should().BeTrue();
        (await blacklist.IsRevokedAsync("jti-2", "sid-x", CancellationToken.None)).Should().BeFalse();

        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        (await blacklist.IsRevokedAsync("jti-1", "sid-x", CancellationToken.None)).Should().BeTrue();

        _time.Advance(TimeSpan.FromSeconds(1));
        (await blacklist.IsRevokedAsync("jti-1", "sid-x", CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task RevokeSessionAsync_UntilTtl_EveryJtiOfTheSessionIsRevoked()
    {
        var blacklist = new InMemoryTokenBlacklist(_time);
        await blacklist.RevokeSessionAsync("sid-1", TimeSpan.FromMinutes(15), CancellationToken.None);

        (await blacklist.IsRevokedAsync("any-jti", "sid-1", CancellationToken.None)).Should().BeTrue();
        (await blacklist.IsRevokedAsync("any-jti", "sid-2", CancellationToken.None)).Should().BeFalse();

        _time.Advance(TimeSpan.FromMinutes(15));
        (await blacklist.IsRevokedAsync("any-jti", "sid-1", CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task IsRevokedAsync_JtiAndSidNamespaces_DoNotCollide()
    {
        var blacklist = new InMemoryTokenBlacklist(_time);
        await blacklist.RevokeTokenAsync("same-id", TimeSpan.FromMinutes(5), CancellationToken.None);

        (await blacklist.IsRevokedAsync("other", "same-id", CancellationToken.None)).Should().BeFalse();
    }
}
