using FullAuth.Application.Common.Options;
using FullAuth.Domain.Roles;
using FullAuth.Infrastructure.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.Persistence;

/// <summary>Applies migrations (when <c>Database:AutoMigrate</c>) and seeds the built-in <c>admin</c> role.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("FullAuth.Database");
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        if (options.AutoMigrate)
        {
            await MigrateAsync(db, logger, cancellationToken);
        }

        var seeds = new List<Role> { new(Role.Admin, "Built-in administrators: every permission.", [Role.Wildcard], time.GetUtcNow()) };
        seeds.AddRange(scope.ServiceProvider.GetRequiredService<IOptions<RolesOptions>>().Value.Seed
            .Select(s => new Role(s.Name, s.Description, s.Permissions, time.GetUtcNow())));
        foreach (var role in seeds)
        {
            if (await db.Roles.AnyAsync(r => r.Name == role.Name, cancellationToken))
            {
                continue;
            }

            db.Roles.Add(role);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Seeded role {Role}", role.Name);
            }
            catch (DbUpdateException)
            {
                // Another instance seeded it first.
                db.Entry(role).State = EntityState.Detached;
            }
        }
    }

    public static async Task MigrateAsync(AppDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (db is SqliteAppDbContext)
        {
            // WAL lets readers proceed during writes; the setting persists in the database file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        // Several instances may start at once: on PostgreSQL, hold a session advisory lock on the
        // context's own connection for the whole migration (EF's lock alone let a second instance
        // re-apply a migration the first had just applied).
        var postgres = db is PostgreSqlAppDbContext;
        if (postgres)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(7261234501)", cancellationToken);
        }

        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(7261234501)", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
