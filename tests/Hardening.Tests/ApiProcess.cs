using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;

namespace FullAuth.Hardening.Tests;

/// <summary>
/// The built <c>FullAuth.Api.dll</c> under <c>dotnet exec</c> on a loopback port, configured through
/// environment variables (as tests/MultiInstance.Tests starts it), plus what fault tests need: SIGKILL,
/// SIGTERM, the exit code and the resident set size.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;

    private ApiProcess(int port, Process process)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => string.Join('\n', _output);

    /// <summary>VmRSS from /proc, in bytes.</summary>
    public long ResidentBytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
    }

    public static string ApiAssemblyPath
    {
        get
        {
            var configuration = typeof(ApiProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FullAuth.sln")))
            {
                directory = directory.Parent;
            }

            var path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("FullAuth.sln not found above " + AppContext.BaseDirectory), "src", "Api", "bin", configuration, "net10.0", "FullAuth.Api.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} does not exist: build the solution (-c {configuration}) first.");
        }
    }

    /// <summary>Settings every test uses: a fresh secret, quick hashing, logs at Warning.</summary>
    public static Dictionary<string, string> BaseEnvironment(string databasePath) => new()
    {
        ["FullAuth__SecretKey"] = "hardening-tests-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ["FullAuth__Database__ConnectionString"] = $"Data Source={databasePath}",
        ["FullAuth__Password__Hasher"] = "bcrypt",
        ["FullAuth__Password__BcryptWorkFactor"] = "10",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, int? port = null)
    {
        var dll = ApiAssemblyPath;
        port ??= FullAuth.Tests.Fixtures.ServerBinaries.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.Value.ToString(CultureInfo.InvariantCulture)}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet exec " + dll);
        var api = new ApiProcess(port.Value, process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { api._output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { api._output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await api.WaitUntilLiveAsync(cancellationToken);
        return api;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: the host's graceful shutdown.</summary>
    public async Task TerminateAsync()
    {
        var (code, output) = await FullAuth.Tests.Fixtures.ServerBinaries.RunAsync("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]);
        if (code != 0)
        {
            throw new InvalidOperationException("kill -TERM failed: " + output);
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task WaitUntilLiveAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with code {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("health/live", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The API did not answer /health/live within 90 s:\n{Output}");
    }
}
