using FullAuth.Domain.Sessions;
using FullAuth.Domain.Users;
using FullAuth.Infrastructure.IntegrationTests.Support;
using FullAuth.Infrastructure.Persistence.Repositories;

namespace FullAuth.Infrastructure.IntegrationTests.Persistence;

public sealed class RefreshTokenRepositoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private SqliteDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteDatabase.CreateAsync();
        await using var db = _database.NewContext();
        db.Users.Add(new User("user-1", "one@example.com", null, Now));
        db.Users.Add(new User("user-2", "two@example.com", null, Now));
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private static RefreshToken Start(string userId, string hash, DateTimeOffset? expiresAt = null) =>
        RefreshToken.StartSession(userId, hash, Now, new SessionInfo(Now, expiresAt ?? Now.AddDays(30), Now, "pwd", false, "1.2.3.4", "UA"));

    private async Task SaveAsync(params RefreshToken[] tokens)
    {
        await using var db = _database.NewContext();
        var repository = new RefreshTokenRepository(db);
        foreach (var token in tokens)
        {
            repository.Add(token);
        }

        await db.SaveChangesAsync();
    }

    private async Task<RefreshToken?> FindAsync(string hash)
    {
        await using var db = _database.NewContext();
        return await new RefreshTokenRepository(db).FindByHashAsync(hash, CancellationToken.None);
    }

    [Fact]
    public async Task FindByHashAsync_RoundTripsEveryFact()
    {
        var token = Start("user-1", "h-find");
        await SaveAsync(token);

        var found = await FindAsync("h-find");

        found.Should().BeEquivalentTo(token, o => o.Excluding(t => t.Session));
        (await FindAsync("h-missing")).Should().BeNull();
    }

    [Fact]
    public async Task TryMarkUsedAsync_TwentyConcurrentCallers_ExactlyOneWins()
    {
        var token = Start("user-1", "h-race");
        await SaveAsync(token);

        using var start = new Barrier(20);
        var attempts = Enumerable.Range(0, 20).Select(_ => Task.Factory.StartNew(
            () =>
            {
                using var db = _database.NewContext();
                var repository = new RefreshTokenRepository(db);
                start.SignalAndWait();
                return repository.TryMarkUsedAsync(token.Id, Now.AddMinutes(1), CancellationToken.None).GetAwaiter().GetResult();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToList();
        var results = await Task.WhenAll(attempts);

        results.Count(won => won).Should().Be(1);
        (await FindAsync("h-race"))!.UsedAt.Should().Be(Now.AddMinutes(1));
    }

    [Fact]
    public async Task TryRotateAsync_TwentyConcurrentCallers_ExactlyOneWinsAndOnlyItsSuccessorExists()
    {
        var token = Start("user-1", "h-rotate");
        await SaveAsync(token);

        using var start = new Barrier(20);
        var attempts = Enumerable.Range(0, 20).Select(i => Task.Factory.StartNew(
            () =>
            {
                using var db = _database.NewContext();
                var repository = new RefreshTokenRepository(db);
                var successor = token.Successor($"h-successor-{i}", Now.AddMinutes(1), "5.6.7.8", "UA2");
                start.SignalAndWait();
                return repository.TryRotateAsync(token.Id, successor, Now.AddMinutes(1), CancellationToken.None).GetAwaiter().GetResult();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToList();
        var results = await Task.WhenAll(attempts);

        results.Count(won => won).Should().Be(1);
        (await FindAsync("h-rotate"))!.UsedAt.Should().Be(Now.AddMinutes(1));
        var winner = results.Select((won, i) => (won, i)).Single(r => r.won).i;
        await using var check = _database.NewContext();
        check.RefreshTokens.Where(t => t.FamilyId == token.FamilyId).Select(t => t.TokenHash).ToList()
            .Should().BeEquivalentTo("h-rotate", $"h-successor-{winner}");
    }

    [Fact]
    public async Task TryRotateAsync_UsedToken_WritesNothing()
    {
        var token = Start("user-1", "h-used");
        await SaveAsync(token);
        await using var db = _database.NewContext();
        var repository = new RefreshTokenRepository(db);
        (await repository.TryMarkUsedAsync(token.Id, Now, CancellationToken.None)).Should().BeTrue();

        var rotated = await repository.TryRotateAsync(token.Id, token.Successor("h-late", Now, null, null), Now, CancellationToken.None);

        rotated.Should().BeFalse();
        (await FindAsync("h-late")).Should().BeNull();
        (await repository.IsRevokedAsync(token.Id, CancellationToken.None)).Should().BeFalse();
        await repository.RevokeFamilyAsync(token.FamilyId, Now, CancellationToken.None);
        (await repository.IsRevokedAsync(token.Id, CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task TryMarkUsedAsync_RevokedToken_IsFalse()
    {
        var token = Start("user-1", "h-revoked");
        await SaveAsync(token);
        await using var db = _database.NewContext();
        var repository = new RefreshTokenRepository(db);
        await repository.RevokeFamilyAsync(token.FamilyId, Now, CancellationToken.None);

        (await repository.TryMarkUsedAsync(token.Id, Now, CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task RevokeFamilyAsync_RevokesEveryTokenOfTheFamilyOnly()
    {
        var first = Start("user-1", "h-f1");
        var second = first.Successor("h-f2", Now.AddMinutes(5), null, null);
        var otherSession = Start("user-1", "h-other");
        var otherUser = Start("user-2", "h-user2");
        await SaveAsync(first, second, otherSession, otherUser);

        await using var db = _database.NewContext();
        var revoked = await new RefreshTokenRepository(db).RevokeFamilyAsync(first.FamilyId, Now.AddMinutes(6), CancellationToken.None);

        revoked.Should().Be(2);
        (await FindAsync("h-f1"))!.RevokedAt.Should().Be(Now.AddMinutes(6));
        (await FindAsync("h-f2"))!.RevokedAt.Should().Be(Now.AddMinutes(6));
        (await FindAsync("h-other"))!.RevokedAt.Should().BeNull();
        (await FindAsync("h-user2"))!.RevokedAt.Should().BeNull();

        await using var again = _database.NewContext();
        (await new RefreshTokenRepository(again).RevokeFamilyAsync(first.FamilyId, Now.AddMinutes(7), CancellationToken.None)).Should().Be(0);
        (await FindAsync("h-f1"))!.RevokedAt.Should().Be(Now.AddMinutes(6), "an earlier revocation time is kept");
    }

    [Fact]
    public async Task ListActiveSessionsAsync_ExcludesUsedRevokedExpiredAndOtherUsers()
    {
        var rotated = Start("user-1", "h-rotated");
        var current = rotated.Successor("h-current", Now.AddMinutes(1), null, null);
        var revoked = Start("user-1", "h-revoked-session");
        var expired = Start("user-1", "h-expired", expiresAt: Now.AddHours(1));
        var live = Start("user-1", "h-live");
        var foreign = Start("user-2", "h-foreign");
        await SaveAsync(rotated, current, revoked, expired, live, foreign);
        await using (var db = _database.NewContext())
        {
            var repository = new RefreshTokenRepository(db);
            (await repository.TryMarkUsedAsync(rotated.Id, Now.AddMinutes(1), CancellationToken.None)).Should().BeTrue();
            await repository.RevokeFamilyAsync(revoked.FamilyId, Now.AddMinutes(2), CancellationToken.None);
        }

        await using var read = _database.NewContext();
        var active = await new RefreshTokenRepository(read).ListActiveSessionsAsync("user-1", Now.AddHours(2), CancellationToken.None);

        active.Select(t => t.TokenHash).Should().BeEquivalentTo(["h-current", "h-live"]);
    }
}
