using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;

namespace FullAuth.MultiInstance.Tests;

/// <summary>
/// One API instance: the built <c>FullAuth.Api.dll</c> under <c>dotnet exec</c>, real Kestrel on a
/// loopback port, configured only through environment variables, as in production.
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

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

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
