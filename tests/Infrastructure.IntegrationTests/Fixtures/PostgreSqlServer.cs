using System.Globalization;
using System.Security.Cryptography;

namespace FullAuth.Tests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL cluster: <c>initdb</c> into a temp folder (as the <c>postgres</c> user when
/// running as root, since initdb refuses root), started with <c>pg_ctl</c> on 127.0.0.1 and a free
/// port, its Unix socket inside the folder, without fsync. Removed on dispose.
/// </summary>
public sealed class PostgreSqlServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly bool _asPostgresUser;

    private PostgreSqlServer(string bin, string directory, int port, string password, bool asPostgresUser)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
        Password = password;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    public string Password { get; }

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>Null when the PostgreSQL server binaries are not installed.</summary>
    public static async Task<PostgreSqlServer?> TryStartAsync()
    {
        if (ServerBinaries.PostgreSqlBin is not { } bin)
        {
            return null;
        }

        var asPostgresUser = Environment.UserName == "root";
        // The postgres user must reach the folder: use /tmp itself when running as root.
        var parent = asPostgresUser ? "/tmp" : Path.GetTempPath();
        var directory = Path.Combine(parent, "fullauth-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var server = new PostgreSqlServer(bin, directory, ServerBinaries.FreePort(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), asPostgresUser);
        try
        {
            await server.InitializeAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Password={Password};Pooling=true;Timeout=15";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        var (exitCode, output) = await ServerBinaries.RunAsync(
            Path.Combine(_bin, "createdb"),
            ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", name],
            new Dictionary<string, string> { ["PGPASSWORD"] = Password });
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"createdb {name} failed ({exitCode}): {output}");
        }

        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(Path.Combine(DataDirectory, "global")))
        {
            try
            {
                await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], allowFailure: true);
            }
            catch (TimeoutException)
            {
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task InitializeAsync()
    {
        var passwordFile = Path.Combine(_directory, "pwfile");
        await File.WriteAllTextAsync(passwordFile, Password + "\n");
        if (_asPostgresUser)
        {
            var (code, output) = await ServerBinaries.RunAsync("chown", ["-R", "postgres:postgres", _directory]);
            if (code != 0)
            {
                throw new InvalidOperationException("chown of the PostgreSQL test folder failed: " + output);
            }
        }

        await RunAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "-A", "scram-sha-256", "--pwfile", passwordFile, "-E", "UTF8", "--locale=C", "--no-sync"]);
        File.Delete(passwordFile);
        var settings = $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories={_directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-o", settings, "-w", "-t", "60", "start"]);
    }

    private async Task RunAsync(string tool, IReadOnlyList<string> arguments, bool allowFailure = false)
    {
        var path = Path.Combine(_bin, tool);
        var (exitCode, output) = _asPostgresUser
            ? await ServerBinaries.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], timeout: TimeSpan.FromSeconds(90))
            : await ServerBinaries.RunAsync(path, arguments, timeout: TimeSpan.FromSeconds(90));
        if (exitCode != 0 && !allowFailure)
        {
            var log = Path.Combine(_directory, "server.log");
            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log) : string.Empty;
            throw new InvalidOperationException($"{tool} failed ({exitCode}): {output}\n{serverLog}");
        }
    }
}
