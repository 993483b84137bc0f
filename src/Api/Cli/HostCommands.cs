using Microsoft.Extensions.Logging.Console;

namespace FullAuth.Api.Cli;

/// <summary>
/// Commands that need the configured services (<c>check</c>, <c>migrate</c>, <c>create-admin</c>): they
/// build the same container as the web host (<see cref="FullAuthRegistration.AddFullAuth"/>) from the same
/// configuration (appsettings, environment variables, <c>--Key=Value</c> arguments) without starting Kestrel.
/// Exit codes: 0 ok, 1 a problem (each named with its fix), 2 usage.
/// </summary>
public static class HostCommands
{
    public const int Ok = 0;
    public const int Problem = 1;
    public const int Usage = 2;

    public const string Overview = """
        Usage: FullAuth.Api [COMMAND] [options] [--Key=Value ...]
          (no command)   serve the API
          check          print the resolved configuration (secrets masked), validate it, reach the database, Redis and SMTP
          migrate        apply database migrations and seed the built-in roles
          create-admin   create (or promote) an administrator: create-admin --email E [--name N] [--password-stdin]
          secret         print a new random SecretKey
          keys generate  write a new PEM signing key: keys generate --alg ES256|RS256|... --out FILE
        Each command takes --help. Configuration comes from appsettings.json, appsettings.{Environment}.json,
        environment variables (FullAuth__Database__Provider) and --FullAuth:Database:Provider=PostgreSql arguments.
        """;

    private static readonly string[] Names = ["check", "migrate", "create-admin", "help", "--help", "-h"];

    public static bool IsHostCommand(string[] args) => args.Length > 0 && Names.Contains(args[0], StringComparer.Ordinal);

    /// <summary>Runs a command; <paramref name="settings"/> and <paramref name="environment"/> let tests configure it without touching the process environment.</summary>
    public static async Task<int> RunAsync(
        string[] args,
        TextReader input,
        TextWriter output,
        TextWriter error,
        IReadOnlyDictionary<string, string?>? settings = null,
        string? environment = null,
        CancellationToken cancellationToken = default)
    {
        if (args[0] is "help" or "--help" or "-h")
        {
            output.WriteLine(Overview);
            return Ok;
        }

        // --Key=Value arguments are configuration; everything else belongs to the command.
        var configurationArgs = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        var commandArgs = args.Skip(1).Where(a => !configurationArgs.Contains(a)).ToArray();

        return args[0] switch
        {
            "check" => await CheckCommand.RunAsync(commandArgs, () => Build(configurationArgs, settings, environment), output, error, cancellationToken),
            "migrate" => await MigrateCommand.RunAsync(commandArgs, () => Build(configurationArgs, settings, environment), output, error, cancellationToken),
            _ => await CreateAdminCommand.RunAsync(commandArgs, () => Build(configurationArgs, settings, environment), input, output, error, cancellationToken),
        };
    }

    private static WebApplication Build(string[] configurationArgs, IReadOnlyDictionary<string, string?>? settings, string? environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configurationArgs, EnvironmentName = environment });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // The command's own output is stdout; logs go to stderr so scripts can read one without the other.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddFullAuth();
        return builder.Build();
    }
}
