using System.Diagnostics;
using System.Net;
using FullAuth.Api.Cli;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests.Ops;

/// <summary>The command line's exit codes and messages (0 ok, 1 problem, 2 usage) for good and bad configurations.</summary>
public sealed class CommandLineTests : IDisposable
{
    private const string SmtpSecret = "smtp-password-that-must-not-print";
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"fullauth-cli-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }

    [Fact]
    public async Task Check_GoodConfiguration_ExitsZeroAndMasksSecrets()
    {
        var run = await RunAsync(["check"], Settings(("FullAuth:Email:Smtp:Password", SmtpSecret), ("FullAuth:Database:ConnectionString", $"Data Source={_database};Password=db-secret-value")));

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("FullAuth:SecretKey = ***")
            .And.Contain("FullAuth:Email:Smtp:Password = ***")
            .And.Contain("FullAuth:Jwt:Algorithm = HS256")
            .And.Contain("FullAuth:Database:ConnectionString = Data Source=")
            .And.Contain("No problems found.");
        run.Output.Should().NotContain(FullAuthFactory.TestSecret).And.NotContain(SmtpSecret).And.NotContain("db-secret-value");
    }

    [Fact]
    public async Task Check_BadConfiguration_ExitsOneAndNamesEveryProblemWithItsFix()
    {
        var run = await RunAsync(["check", "--quiet"], Settings(
            ("FullAuth:SecretKey", "too-short"),
            ("FullAuth:Jwt:ClockSkew", "00:10:00"),
            ("FullAuth:Password:MinLength", "0"),
            ("FullAuth:Otlp:Endpoint", "not a url")));

        run.ExitCode.Should().Be(1, run.Output + run.Error);
        run.Output.Should().Contain("FullAuth:SecretKey")
            .And.Contain("FullAuth:Jwt:ClockSkew")
            .And.Contain("FullAuth:Password:MinLength")
            .And.Contain("FullAuth:Otlp:Endpoint")
            .And.MatchRegex(@"[4-9] problem\(s\)");
        run.Output.Should().NotContain("too-short", "a refused secret is still a secret");
    }

    [Fact]
    public async Task Check_UnreachablePostgreSqlAndSmtp_ExitsOneNamingBoth()
    {
        var run = await RunAsync(["check", "--quiet"], Settings(
            ("FullAuth:Database:Provider", "PostgreSql"),
            ("FullAuth:Database:ConnectionString", $"Host=127.0.0.1;Port={ClosedPort()};Database=x;Username=u;Password=pg-secret-value;Timeout=3"),
            ("FullAuth:Email:Transport", "smtp"),
            ("FullAuth:Email:Smtp:Host", "127.0.0.1"),
            ("FullAuth:Email:Smtp:Port", ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("FullAuth:Email:Smtp:Password", SmtpSecret)));

        run.ExitCode.Should().Be(1, run.Output + run.Error);
        run.Output.Should().Contain("FullAuth:Database:ConnectionString: cannot connect to the PostgreSql database")
            .And.Contain("FullAuth:Email:Smtp: cannot use 127.0.0.1:");
        (run.Output + run.Error).Should().NotContain("pg-secret-value").And.NotContain(SmtpSecret);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("migrate")]
    [InlineData("create-admin")]
    public async Task Help_EachCommand_ExitsZeroWithUsage(string command)
    {
        var run = await RunAsync([command, "--help"], Settings());

        run.ExitCode.Should().Be(0);
        run.Output.Should().StartWith("Usage: " + command);
    }

    [Theory]
    [InlineData("check", "--bogus")]
    [InlineData("migrate", "--bogus")]
    [InlineData("create-admin", "--name")]
    [InlineData("create-admin", "--email", "not-an-email")]
    public async Task Usage_BadArguments_ExitsTwo(params string[] args)
    {
        var run = await RunAsync(args, Settings());

        run.ExitCode.Should().Be(2, run.Output + run.Error);
        run.Error.Should().NotBeEmpty();
    }

    [Fact]
    public void SecretAndKeys_UsageAndHelp_ExitCodes()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        CommandLine.TryRun(["secret", "--help"], output, error).Should().Be(0);
        CommandLine.TryRun(["keys", "generate", "--alg", "ES256"], output, error).Should().Be(2, "--out is missing");
        CommandLine.TryRun(["keys", "generate", "--alg", "HS1", "--out", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))], output, error).Should().Be(2);
        var key = Path.Combine(Path.GetTempPath(), $"fullauth-key-{Guid.NewGuid():N}.pem");
        try
        {
            CommandLine.TryRun(["keys", "generate", "--alg", "ES256", "--out", key], output, error).Should().Be(0);
            File.ReadAllText(key).Should().StartWith("-----BEGIN PRIVATE KEY-----");
            CommandLine.TryRun(["keys", "generate", "--alg", "ES256", "--out", key], output, error).Should().Be(1, "an existing file is never overwritten");
        }
        finally
        {
            File.Delete(key);
        }
    }

    [Fact]
    public async Task Migrate_FreshDatabase_AppliesMigrationsThenReportsUpToDate()
    {
        var first = await RunAsync(["migrate"], Settings(("FullAuth:Database:AutoMigrate", "false")));
        var second = await RunAsync(["migrate"], Settings(("FullAuth:Database:AutoMigrate", "false")));
        var check = await RunAsync(["check", "--quiet"], Settings(("FullAuth:Database:AutoMigrate", "false")));

        first.ExitCode.Should().Be(0, first.Output + first.Error);
        first.Output.Should().Contain("Applied ");
        second.ExitCode.Should().Be(0);
        second.Output.Should().Contain("The database is up to date.");
        check.Output.Should().Contain("schema up to date");
    }

    [Fact]
    public async Task Check_PendingMigrationsWithoutAutoMigrate_ExitsOneAndSaysRunMigrate()
    {
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_database}"))
        {
            await connection.OpenAsync(); // an empty database file: every migration pending
        }

        var run = await RunAsync(["check", "--quiet"], Settings(("FullAuth:Database:AutoMigrate", "false")));

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("migration(s) pending").And.Contain("Run `migrate`");
    }

    [Fact]
    public async Task CreateAdmin_GeneratedPassword_SignsInAsAuditedVerifiedAdmin()
    {
        var email = ApiClient.NewEmail("root");
        var run = await RunAsync(["create-admin", "--email", email, "--name", "Root"], Settings());

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        var password = run.Output.Split('\n').Single(l => l.StartsWith("Password", StringComparison.Ordinal)).Split(": ", 2)[1].Trim();
        password.Length.Should().BeGreaterThanOrEqualTo(20);

        using var factory = FullAuthFactory.With(("FullAuth:Database:ConnectionString", $"Data Source={_database}"));
        var client = factory.CreateClient();
        var login = await client.LoginAsync(email, password);
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await login.JsonAsync();
        body["user"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("admin");
        body["user"]!["email_verified"]!.GetValue<bool>().Should().BeTrue();
        var access = body["access_token"]!.GetValue<string>();

        var audit = await client.GetAsync($"{ApiClient.Base}/admin/audit?action=admin.cli", access);
        audit.StatusCode.Should().Be(HttpStatusCode.OK);
        (await audit.JsonAsync())["items"]!.AsArray().Should().ContainSingle(e => e!["target_id"]!.GetValue<string>() == body["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateAdmin_ExistingAccountWithStdinPassword_PromotesAndReplacesPassword()
    {
        var email = ApiClient.NewEmail("promote");
        using (var factory = FullAuthFactory.With(("FullAuth:Database:ConnectionString", $"Data Source={_database}"), ("FullAuth:PreventEnumeration", "false")))
        {
            await factory.CreateClient().RegisterAsync(email);
        }

        var run = await RunAsync(["create-admin", "--email", email, "--password-stdin"], Settings(), stdin: "a brand new admin passphrase\n");

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("is now an administrator").And.NotContain("Password (shown once");
        using var after = FullAuthFactory.With(("FullAuth:Database:ConnectionString", $"Data Source={_database}"));
        var login = await after.CreateClient().LoginAsync(email, "a brand new admin passphrase");
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        (await login.JsonAsync())["user"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("admin");
    }

    [Fact]
    public async Task CreateAdmin_CommonPasswordFromStdin_ExitsOneAndCreatesNobody()
    {
        var run = await RunAsync(["create-admin", "--email", ApiClient.NewEmail(), "--password-stdin"], Settings(), stdin: "password\n");

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("The password is refused");
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task Executable_CheckWithBadEnvironment_ExitsOneFromTheRealEntryPoint()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FullAuth.Api.dll"));
        start.ArgumentList.Add("check");
        start.ArgumentList.Add("--quiet");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["FullAuth__SecretKey"] = "short";
        start.Environment["FullAuth__Database__ConnectionString"] = $"Data Source={_database}";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        process.ExitCode.Should().Be(1, await output + await error);
        (await output).Should().Contain("FullAuth:SecretKey").And.Contain("environment: Production");
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["FullAuth:SecretKey"] = FullAuthFactory.TestSecret,
            ["FullAuth:Database:ConnectionString"] = $"Data Source={_database}",
            ["FullAuth:Password:Hasher"] = "bcrypt",
            ["FullAuth:Password:BcryptWorkFactor"] = "10",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, IReadOnlyDictionary<string, string?> settings, string stdin = "")
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HostCommands.RunAsync(args, input, output, error, settings, environment: "Testing");
        return (code, output.ToString(), error.ToString());
    }
}
