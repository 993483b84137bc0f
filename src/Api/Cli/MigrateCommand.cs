using FullAuth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FullAuth.Api.Cli;

/// <summary><c>migrate</c>: applies pending migrations (whatever <c>Database:AutoMigrate</c> says) and seeds the built-in roles.</summary>
public static class MigrateCommand
{
    public const string Help = """
        Usage: migrate [--Key=Value ...]
          Applies the pending database migrations of the configured provider (FullAuth:Database) and seeds
          the built-in admin role and FullAuth:Roles:Seed. Safe to run again; safe with several instances.
          Exit codes: 0 done, 1 a problem (printed with its fix), 2 usage.
        """;

    public static async Task<int> RunAsync(string[] args, Func<WebApplication> build, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Contains("--help"))
        {
            output.WriteLine(Help);
            return HostCommands.Ok;
        }

        if (args.Length > 0)
        {
            error.WriteLine($"Unknown argument '{args[0]}'.\n{Help}");
            return HostCommands.Usage;
        }

        await using var app = build();
        if (!StartupValidation.Report(app, error))
        {
            return HostCommands.Problem;
        }

        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                await DatabaseInitializer.MigrateAsync(db, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FullAuth.Database"), cancellationToken);
                output.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            }

            await DatabaseInitializer.InitializeAsync(app.Services, cancellationToken);
            output.WriteLine("Built-in roles are in place.");
            return HostCommands.Ok;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error.WriteLine(new SecretScrubber(app.Configuration).Scrub($"Migration failed ({ex.GetType().Name}: {ex.Message}). Check FullAuth:Database:Provider and ConnectionString, and that the account may create tables."));
            return HostCommands.Problem;
        }
    }
}
