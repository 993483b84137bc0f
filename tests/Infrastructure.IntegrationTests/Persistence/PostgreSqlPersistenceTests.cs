using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Domain.Common;
using FullAuth.Domain.Roles;
using FullAuth.Domain.Sessions;
using FullAuth.Domain.Users;
using FullAuth.Infrastructure.Persistence;
using FullAuth.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullAuth.Infrastructure.IntegrationTests.Persistence;

/// <summary>The PostgreSQL provider against a real server: migrations, repositories, and the refresh race.</summary>
public sealed class PostgreSqlPersistenceTests(PostgreSqlFixture postgres) : IClassFixture<PostgreSqlFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task InitializeAsync_EmptyDatabase_AppliesEveryMigrationAndSeedsAdmin()
    {
        await using var host = await CreateHostAsync();

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Should().BeOfType<PostgreSqlAppDbContext>();
        (await db.Database.GetPendingMigrationsAsync(_ct)).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(_ct)).Should().NotBeEmpty();
        (await db.Roles.AnyAsync(r => r.Name == Role.Admin, _ct)).Should().BeTrue();
    }

    [Fact]
    public async Task InitializeAsync_TwoInstancesAtOnce_BothSucceed()
    {
        var connectionString = await postgres.Require().CreateDatabaseAsync(DatabaseName());
        await using var a = PostgreSqlHost(connectionString);
        await using var b = PostgreSqlHost(connectionString);

        await Task.WhenAll(DatabaseInitializer.InitializeAsync(a.Services, _ct), DatabaseInitializer.InitializeAsync(b.Services, _ct));

        await using var scope = a.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Database.GetPendingMigrationsAsync(_ct)).Should().BeEmpty();
        (await db.Roles.CountAsync(r => r.Name == Role.Admin, _ct)).Should().Be(1);
    }

    [Fact]
    public async Task UserRepository_RoundTrip_KeepsValuesAndUtcInstants()
    {
        await using var host = await CreateHostAsync();
        var createdAt = DateTimeOffset.UtcNow;
        var user = new User(Ids.New(), " Mixed.Case@Example.com ", "Ada", createdAt);
        user.SetPasswordHash("hash", createdAt);
        user.AddRole(Role.Admin, createdAt);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IUserRepository>().Add(user);
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(_ct);
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var found = await scope.ServiceProvider.GetRequiredService<IUserRepository>().FindByEmailAsync("mixed.case@example.com", _ct);
            found.Should().NotBeNull();
            found!.Id.Should().Be(user.Id);
            found.Name.Should().Be("Ada");
            found.PasswordHash.Should().Be("hash");
            found.RoleNames.Should().Equal(Role.Admin);
            found.CreatedAt.Offset.Should().Be(TimeSpan.Zero);
            found.CreatedAt.Should().BeCloseTo(createdAt, TimeSpan.FromMilliseconds(1), "timestamptz keeps microseconds");
            (await scope.ServiceProvider.GetRequiredService<IUserRepository>().CountActiveWithRoleAsync(Role.Admin, _ct)).Should().Be(1);
        }
    }

    [Fact]
    public async Task UnitOfWork_DuplicateEmail_ThrowsDuplicateKeyException()
    {
        await using var host = await CreateHostAsync();
        await AddUserAsync(host, "dup@example.com");

        var act = () => AddUserAsync(host, "dup@example.com");

        await act.Should().ThrowAsync<DuplicateKeyException>();
    }

    [Fact]
    public async Task TryMarkUsedAsync_TwentyConcurrentCallers_ExactlyOneWins()
    {
        await using var host = await CreateHostAsync();
        var userId = await AddUserAsync(host, "race@example.com");
        var token = await AddSessionAsync(host, userId);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, 20).Select(async _ =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var repository = scope.ServiceProvider.GetRequiredService<IRefreshTokenRepository>();
            await start.Task;
            return await repository.TryMarkUsedAsync(token.Id, DateTimeOffset.UtcNow, _ct);
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(callers);

        results.Count(won => won).Should().Be(1);
        await using var check = host.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<IRefreshTokenRepository>().FindByHashAsync(token.TokenHash, _ct);
        stored!.UsedAt.Should().NotBeNull();
    }

    [Fact]
    public async Task TryRotateAsync_TwentyConcurrentCallers_ExactlyOneSuccessor()
    {
        await using var host = await CreateHostAsync();
        var userId = await AddUserAsync(host, "rotate@example.com");
        var token = await AddSessionAsync(host, userId);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, 20).Select(async i =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var repository = scope.ServiceProvider.GetRequiredService<IRefreshTokenRepository>();
            var successor = token.Successor($"pg-successor-{i}-{Guid.NewGuid():N}", DateTimeOffset.UtcNow, null, null);
            await start.Task;
            return (await repository.TryRotateAsync(token.Id, successor, DateTimeOffset.UtcNow, _ct), successor.TokenHash);
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(callers);

        results.Count(r => r.Item1).Should().Be(1);
        await using var check = host.Services.CreateAsyncScope();
        var repository = check.ServiceProvider.GetRequiredService<IRefreshTokenRepository>();
        foreach (var (won, hash) in results)
        {
            (await repository.FindByHashAsync(hash, _ct) is not null).Should().Be(won, "only the winner's successor is written");
        }
    }

    [Fact]
    public async Task RevokeFamilyAsync_ActiveSessions_NoLongerListed()
    {
        await using var host = await CreateHostAsync();
        var userId = await AddUserAsync(host, "family@example.com");
        var first = await AddSessionAsync(host, userId);
        var second = await AddSessionAsync(host, userId);

        await using var scope = host.Services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IRefreshTokenRepository>();
        (await repository.ListActiveSessionsAsync(userId, DateTimeOffset.UtcNow, _ct)).Should().HaveCount(2);

        (await repository.RevokeFamilyAsync(first.FamilyId, DateTimeOffset.UtcNow, _ct)).Should().Be(1);

        (await repository.ListActiveSessionsAsync(userId, DateTimeOffset.UtcNow, _ct)).Select(t => t.FamilyId).Should().Equal(second.FamilyId);
    }

    private static string DatabaseName() => "t_" + Guid.NewGuid().ToString("N")[..16];

    private static StoreHost PostgreSqlHost(string connectionString) => StoreHost.Create(new Dictionary<string, string?>
    {
        ["FullAuth:Database:Provider"] = "PostgreSql",
        ["FullAuth:Database:ConnectionString"] = connectionString,
    });

    private async Task<StoreHost> CreateHostAsync()
    {
        var connectionString = await postgres.Require().CreateDatabaseAsync(DatabaseName());
        var host = PostgreSqlHost(connectionString);
        await DatabaseInitializer.InitializeAsync(host.Services, _ct);
        return host;
    }

    private async Task<string> AddUserAsync(StoreHost host, string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var user = new User(Ids.New(), email, null, DateTimeOffset.UtcNow);
        scope.ServiceProvider.GetRequiredService<IUserRepository>().Add(user);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(_ct);
        return user.Id;
    }

    private async Task<RefreshToken> AddSessionAsync(StoreHost host, string userId)
    {
        var now = DateTimeOffset.UtcNow;
        var token = RefreshToken.StartSession(userId, Convert.ToHexString(Guid.NewGuid().ToByteArray()), now,
            new SessionInfo(now, now.AddDays(30), now, "pwd", false, "10.0.0.1", "tests"));
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IRefreshTokenRepository>().Add(token);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(_ct);
        return token;
    }
}
