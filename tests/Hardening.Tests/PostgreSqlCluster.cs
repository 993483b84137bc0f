using System.Globalization;
using System.Security.Cryptography;
using FullAuth.Tests.Fixtures;

namespace FullAuth.Hardening.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster (as tests/Infrastructure.IntegrationTests' PostgreSqlServer starts
/// one: initdb as the postgres user when root, 127.0.0.1 and a free port) that can also be stopped and
/// started again on the same port, to simulate an outage.
/// </summary>
public sealed class PostgreSqlCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly bool _asPostgresUser = Environment.UserName == "root";
    private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private PostgreSqlCluster(string bin)
    {
        _bin = bin;
        _directory = Path.Combine(_asPostgresUser ? "/tmp" : Path.GetTempPath(), "fullauth-pgh-" + Guid.NewGuid().ToString("N")[..12]);
        Port = ServerBinaries.FreePort();
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_directory, "data");

    public static async Task<PostgreSqlCluster?> TryCreateAsync()
    {
        if (ServerBinaries.PostgreSqlBin is not { } bin)
        {
            return null;
        }

        var cluster = new PostgreSqlCluster(bin);
        Directory.CreateDirectory(cluster._directory);
        var passwordFile = Path.Combine(cluster._directory, "pwfile");
        await File.WriteAllTextAsync(passwordFile, cluster._password + "\n");
        if (cluster._asPostgresUser)
        {
            await ServerBinaries.RunAsync("chown", ["-R", "postgres:postgres", cluster._directory]);
        }

        await cluster.RunAsync("initdb", ["-D", cluster.DataDirectory, "-U", "postgres", "-A", "scram-sha-256", "--pwfile", passwordFile, "-E", "UTF8", "--locale=C", "--no-sync"]);
        File.Delete(passwordFile);
        await cluster.StartAsync();
        return cluster;
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=postgres;Username=postgres;Password={_password};Pooling=true;Timeout=5;Command Timeout=10";

    public Task StartAsync() => RunAsync("pg_ctl", [
        "-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"),
        "-o", $"-c listen_addresses=127.0.0.1 -p {Port.ToString(CultureInfo.InvariantCulture)} -c unix_socket_directories={_directory} -c fsync=off",
        "-w", "-t", "60", "start"]);

    public Task StopAsync() => RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], allowFailure: true);
        }
        catch (TimeoutException)
        {
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private async Task RunAsync(string tool, IReadOnlyList<string> arguments, bool allowFailure = false)
    {
        var path = Path.Combine(_bin, tool);
        var (exitCode, output) = _asPostgresUser
            ? await ServerBinaries.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], timeout: TimeSpan.FromSeconds(90))
            : await ServerBinaries.RunAsync(path, arguments, timeout: TimeSpan.FromSeconds(90));
        if (exitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{tool} failed ({exitCode}): {output}");
        }
    }
}
