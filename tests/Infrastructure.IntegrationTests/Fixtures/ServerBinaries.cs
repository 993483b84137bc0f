using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FullAuth.Tests.Fixtures;

/// <summary>
/// Finds the real servers the tests start, and the rule for when one is missing: skip (naming the
/// Debian package) on a developer machine, fail in CI (<c>CI=true</c>).
/// </summary>
public static class ServerBinaries
{
    public static bool InCi => FullAuth.Tests.RequiresService.InCi;

    public static string? RedisServer => Which("redis-server", "/usr/bin/redis-server", "/usr/local/bin/redis-server");

    /// <summary>The newest <c>/usr/lib/postgresql/N/bin</c> holding <c>initdb</c> and <c>pg_ctl</c>, or one on PATH.</summary>
    public static string? PostgreSqlBin
    {
        get
        {
            const string root = "/usr/lib/postgresql";
            if (Directory.Exists(root))
            {
                var newest = Directory.GetDirectories(root)
                    .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                    .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "pg_ctl")))
                    .OrderByDescending(d => d.Version)
                    .Select(d => d.Dir)
                    .FirstOrDefault();
                if (newest is not null)
                {
                    return newest;
                }
            }

            return Which("initdb") is { } initdb ? Path.GetDirectoryName(initdb) : null;
        }
    }

    /// <summary>Skips the calling test (or fails it in CI) because <paramref name="what"/> is missing.</summary>
    public static void Missing(string what, string debianPackage)
    {
        FullAuth.Tests.RequiresService.Ensure(false, $"{what} is not installed: install the Debian package {debianPackage} (apt-get install -y {debianPackage}).");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} did not finish within {timeout ?? TimeSpan.FromSeconds(60)}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? Which(string name, params string[] candidates)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return candidates.FirstOrDefault(File.Exists);
    }
}
