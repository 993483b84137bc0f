using FullAuth.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace FullAuth.Infrastructure.IntegrationTests.Support;

/// <summary>A migrated SQLite database in a temp file, deleted on dispose. Each <see cref="NewContext"/> is independent.</summary>
internal sealed class SqliteDatabase : IAsyncDisposable
{
    private SqliteDatabase(string path)
    {
        Path = path;
        Options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={path};Pooling=False;Default Timeout=60")
            .Options;
    }

    public string Path { get; }

    public DbContextOptions<SqliteAppDbContext> Options { get; }

    public static async Task<SqliteDatabase> CreateAsync()
    {
        var database = new SqliteDatabase(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fullauth-it-{Guid.NewGuid():N}.db"));
        await using var db = database.NewContext();
        await DatabaseInitializer.MigrateAsync(db, NullLogger.Instance, CancellationToken.None);
        return database;
    }

    public SqliteAppDbContext NewContext() => new(Options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
            }
        }

        return ValueTask.CompletedTask;
    }
}
