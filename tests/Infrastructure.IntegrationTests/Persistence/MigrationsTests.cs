using FullAuth.Application.Common.Results;
using FullAuth.Domain.Users;
using FullAuth.Infrastructure.IntegrationTests.Support;
using FullAuth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FullAuth.Infrastructure.IntegrationTests.Persistence;

/// <summary>Every provider's migrations match the model; the scripts create the contract's tables. No server is needed.</summary>
public sealed class MigrationsTests
{
    private static readonly string[] Tables = ["Users", "RefreshTokens", "Roles", "UserRoles", "OAuthAccounts", "Passkeys"];

    public static TheoryData<string> Providers => ["Sqlite", "SqlServer", "PostgreSql"];

    private static AppDbContext Context(string provider) => provider switch
    {
        "Sqlite" => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=unused.db").Options),
        "SqlServer" => new SqlServerAppDbContext(new DbContextOptionsBuilder<SqlServerAppDbContext>()
            .UseSqlServer("Server=127.0.0.1,1;Database=unused;User Id=x;Password=y;TrustServerCertificate=True").Options),
        "PostgreSql" => new PostgreSqlAppDbContext(new DbContextOptionsBuilder<PostgreSqlAppDbContext>()
            .UseNpgsql("Host=127.0.0.1;Port=1;Database=unused;Username=x;Password=y").Options),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void HasPendingModelChanges_EachProvider_IsFalse(string provider)
    {
        using var db = Context(provider);

        db.Database.HasPendingModelChanges().Should().BeFalse($"run `dotnet ef migrations add ... --context {db.GetType().Name}` after changing the model");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void GetMigrations_EachProvider_HasItsOwnMigrations(string provider)
    {
        using var db = Context(provider);

        var migrations = db.Database.GetMigrations().ToList();

        migrations.Should().NotBeEmpty();
        migrations.Should().Contain(m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SqlServer", "CREATE TABLE [{0}]", "CREATE UNIQUE INDEX [IX_Users_Email] ON [Users] ([Email])")]
    [InlineData("PostgreSql", "CREATE TABLE \"{0}\"", "CREATE UNIQUE INDEX \"IX_Users_Email\" ON \"Users\" (\"Email\")")]
    public void GenerateScript_Idempotent_CreatesTablesAndUniqueEmailIndex(string provider, string createTable, string uniqueEmail)
    {
        using var db = Context(provider);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in Tables)
        {
            script.Should().Contain(string.Format(System.Globalization.CultureInfo.InvariantCulture, createTable, table));
        }

        script.Should().Contain(uniqueEmail);
        script.Should().Contain("__EFMigrationsHistory");
    }

    [Fact]
    public async Task Migrate_Sqlite_CreatesTheTables()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        await using var db = database.NewContext();

        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync();
        var indexes = await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND name = 'IX_Users_Email'").ToListAsync();

        tables.Should().Contain(Tables);
        indexes.Should().ContainSingle().Which.Should().Contain("UNIQUE");
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task SaveChanges_DuplicateEmailOnSqlite_ThrowsDuplicateKeyException()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var now = DateTimeOffset.UtcNow;
        await using (var first = database.NewContext())
        {
            first.Users.Add(new User("u1", "dup@example.com", null, now));
            await new UnitOfWork(first).SaveChangesAsync(CancellationToken.None);
        }

        await using var second = database.NewContext();
        second.Users.Add(new User("u2", " DUP@example.com", null, now));

        var save = () => new UnitOfWork(second).SaveChangesAsync(CancellationToken.None);

        await save.Should().ThrowAsync<DuplicateKeyException>();
        second.ChangeTracker.Entries().Should().BeEmpty("the failed entries are detached so the context can be reused");
    }
}
