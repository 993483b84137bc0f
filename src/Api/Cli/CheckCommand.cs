using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Infrastructure.Diagnostics;
using FullAuth.Infrastructure.Options;
using FullAuth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FullAuth.Api.Cli;

/// <summary>
/// <c>check</c>: prints the resolved configuration with secrets masked, validates every section (the same
/// validators that stop startup), builds the signing keys, and reaches the database, Redis (when a store
/// uses it) and the SMTP server (when it is the transport). Exit 1 lists each problem with its fix.
/// </summary>
public static class CheckCommand
{
    public const string Help = """
        Usage: check [--quiet] [--Key=Value ...]
          Prints the resolved configuration (secrets masked), validates it, builds the signing keys and
          reaches the database, Redis (when a store uses it) and SMTP (when Email:Transport is smtp).
          --quiet  omit the configuration listing
          Exit codes: 0 no problems, 1 problems (each is printed with its fix), 2 usage.
        """;

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args, Func<WebApplication> build, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Contains("--help"))
        {
            output.WriteLine(Help);
            return HostCommands.Ok;
        }

        var unknown = args.Where(a => a != "--quiet").ToList();
        if (unknown.Count > 0)
        {
            error.WriteLine($"Unknown argument '{unknown[0]}'.\n{Help}");
            return HostCommands.Usage;
        }

        await using var app = build();
        var scrubber = new SecretScrubber(app.Configuration);
        void Print(string line) => output.WriteLine(scrubber.Scrub(line));

        Print($"FullAuth configuration check (environment: {app.Environment.EnvironmentName})");
        if (!args.Contains("--quiet"))
        {
            Print(string.Empty);
            foreach (var line in ConfigurationReport.Lines(app.Configuration))
            {
                Print("  " + line);
            }
        }

        var problems = new List<string>();
        var notes = new List<string>();

        var optionsValid = StartupValidation.Run(app.Services, problems);
        if (optionsValid)
        {
            CheckKeys(app.Services, problems, notes);
        }

        await CheckDatabaseAsync(app.Services, problems, notes, cancellationToken);
        await CheckRedisAsync(app.Services, problems, notes, cancellationToken);
        await CheckSmtpAsync(app, problems, notes, cancellationToken);

        Print(string.Empty);
        foreach (var note in notes)
        {
            Print(note.StartsWith("warning:", StringComparison.Ordinal) ? note : "ok: " + note);
        }

        if (problems.Count == 0)
        {
            Print("No problems found.");
            return HostCommands.Ok;
        }

        Print($"{problems.Count} problem(s):");
        foreach (var problem in problems)
        {
            Print("  - " + problem);
        }

        return HostCommands.Problem;
    }

    private static void CheckKeys(IServiceProvider services, List<string> problems, List<string> notes)
    {
        try
        {
            _ = services.GetRequiredService<IJwksProvider>();
            if (FullAuth.Infrastructure.DependencyInjection.SecretKeyGenerated)
            {
                notes.Add("warning: FullAuth:SecretKey is not set; Development generated a temporary one (tokens stop working on restart). Set FullAuth__SecretKey (generate one with `secret`).");
            }
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message);
        }
    }

    private static async Task CheckDatabaseAsync(IServiceProvider services, List<string> problems, List<string> notes, CancellationToken cancellationToken)
    {
        DatabaseOptions options;
        try
        {
            options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        }
        catch (OptionsValidationException)
        {
            return; // already listed
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(ProbeTimeout);
        try
        {
            if (!await db.Database.CanConnectAsync(cts.Token))
            {
                if (db is SqliteAppDbContext)
                {
                    notes.Add(options.AutoMigrate
                        ? "database: the SQLite file does not exist yet; startup creates it (Database:AutoMigrate is true)"
                        : "database: the SQLite file does not exist yet; create it with `migrate`");
                    if (!options.AutoMigrate)
                    {
                        problems.Add("FullAuth:Database: the SQLite database does not exist and Database:AutoMigrate is false. Run `migrate` (or set FullAuth__Database__AutoMigrate=true).");
                    }

                    return;
                }

                problems.Add($"FullAuth:Database:ConnectionString: cannot connect to the {options.Provider} database. Check host, port, database name and credentials, and that the server accepts connections from here.");
                return;
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cts.Token)).ToList();
            if (pending.Count == 0)
            {
                notes.Add($"database: connected to {options.Provider}; schema up to date");
            }
            else if (options.AutoMigrate)
            {
                notes.Add($"database: connected to {options.Provider}; {pending.Count} migration(s) will be applied at startup");
            }
            else
            {
                problems.Add($"FullAuth:Database: {pending.Count} migration(s) pending ({string.Join(", ", pending)}) and Database:AutoMigrate is false. Run `migrate` before starting the service.");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            problems.Add($"FullAuth:Database:ConnectionString: cannot connect to the {options.Provider} database ({ex.GetType().Name}: {ex.Message}). Check host, port, database name and credentials.");
        }
    }

    private static async Task CheckRedisAsync(IServiceProvider services, List<string> problems, List<string> notes, CancellationToken cancellationToken)
    {
        var health = services.GetRequiredService<HealthCheckService>();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(ProbeTimeout);
        HealthReport report;
        try
        {
            report = await health.CheckHealthAsync(r => r.Name == "redis", cts.Token);
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            return; // the options problem is already listed
        }

        if (!report.Entries.TryGetValue("redis", out var redis))
        {
            notes.Add("redis: not used (every store is in memory)");
            return;
        }

        if (redis.Status == HealthStatus.Healthy)
        {
            notes.Add("redis: " + redis.Description);
        }
        else
        {
            problems.Add("FullAuth:RedisUrl: Redis does not answer PING. Check the host, port, password and ssl settings, and that Redis is running and reachable from here.");
        }
    }

    private static async Task CheckSmtpAsync(WebApplication app, List<string> problems, List<string> notes, CancellationToken cancellationToken)
    {
        EmailOptions email;
        try
        {
            email = app.Services.GetRequiredService<IOptions<EmailOptions>>().Value;
        }
        catch (OptionsValidationException)
        {
            return;
        }

        var transport = email.EffectiveTransport(app.Environment.IsDevelopment());
        if (transport != "smtp")
        {
            notes.Add($"email: transport {transport}");
            return;
        }

        var failure = await SmtpProbe.ProbeAsync(email.Smtp, ProbeTimeout, cancellationToken);
        if (failure is null)
        {
            notes.Add($"email: SMTP server {email.Smtp.Host}:{email.Smtp.Port} accepted the connection{(string.IsNullOrEmpty(email.Smtp.Username) ? string.Empty : " and the login")}");
        }
        else
        {
            problems.Add($"FullAuth:Email:Smtp: cannot use {email.Smtp.Host}:{email.Smtp.Port} ({failure}). Check Host, Port, Security (Auto, None, StartTls, SslOnConnect), Username and Password.");
        }
    }
}
