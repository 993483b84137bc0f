using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;

namespace FullAuth.Tests;

/// <summary>
/// One API instance: the built <c>FullAuth.Api.dll</c> under <c>dotnet exec</c>, real Kestrel on a
/// loopback port, configured only through environment variables, as in production; plus what fault
/// tests need: SIGKILL, SIGTERM, the exit code and the resident set size. Shared by MultiInstance.Tests
/// and Hardening.Tests (linked into both).
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;

    private ApiProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>VmRSS from /proc, in bytes.</summary>
    public long ResidentBytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
    }

    /// <summary>Everything the process wrote (console logs), for diagnostics and assertions.</summary>
    public string Output => string.Join('\n', _output);

    public static string ApiAssemblyPath => BuiltAssembly(Path.Combine("src", "Api"), "FullAuth.Api.dll");

    /// <summary>A project's built assembly under the repository, for the configuration this test was built with.</summary>
    public static string BuiltAssembly(string projectFolder, string assemblyFile)
    {
        {
            var configuration = typeof(ApiProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FullAuth.sln")))
            {
                directory = directory.Parent;
            }

            if (directory is null)
            {
                throw new InvalidOperationException("Could not find FullAuth.sln above " + AppContext.BaseDirectory);
            }

            var path = Path.Combine(directory.FullName, projectFolder, "bin", configuration, "net10.0", assemblyFile);
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"{path} does not exist: build the solution (dotnet build FullAuth.sln -c {configuration}) first.");
        }
    }

    /// <summary>Two instances, A and B, on one configuration; if either fails to start, both are stopped.</summary>
    public static async Task<(ApiProcess A, ApiProcess B)> StartPairAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var a = StartAsync("A", environment, cancellationToken);
        var b = StartAsync("B", environment, cancellationToken);
        try
        {
            return (await a, await b);
        }
        catch
        {
            foreach (var started in new[] { a, b }.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }
    }

    public static Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, int? port = null) =>
        StartAsync("api", environment, cancellationToken, port);

    public static async Task<ApiProcess> StartAsync(
        string name,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken,
        int? port = null,
        string? assemblyPath = null,
        string livePath = "health/live")
    {
        var dll = assemblyPath ?? ApiAssemblyPath;
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
        var api = new ApiProcess(name, port.Value, process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { api._output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { api._output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await api.WaitUntilLiveAsync(livePath, cancellationToken);
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

    private async Task WaitUntilLiveAsync(string livePath, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"API {Name} exited with code {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(livePath, cancellationToken);
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

        throw new TimeoutException($"API {Name} did not answer /health/live within 90 s:\n{Output}");
    }
}
