using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FullAuth.Api.FunctionalTests.OAuth;

/// <summary>
/// A real OpenID provider (npm <c>oidc-provider</c>, tests/OAuth.Fixtures/oidc-server, installed by
/// <c>npm ci</c>) started with Node on 127.0.0.1 and a free port; one per test class.
/// </summary>
public sealed class OidcServer : IAsyncLifetime
{
    public const string ClientId = "fullauth-tests";
    public const string ClientSecret = "fullauth-tests-client-secret";
    public const string RedirectUri = "http://localhost:3000/oauth/callback";

    private Process? _process;

    /// <summary>The client's registered redirect URIs (comma separated).</summary>
    public string RedirectUris { get; init; } = RedirectUri;

    public int Port { get; private set; }

    public string Issuer => $"http://127.0.0.1:{Port}";

    /// <summary>Why the server could not start (Node or the npm packages missing), else null.</summary>
    public string? Unavailable { get; private set; }

    public static string FixtureDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FullAuth.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? ".", "tests", "OAuth.Fixtures", "oidc-server");
        }
    }

    /// <summary>Skips locally (naming what to install) and fails in CI when the provider cannot run.</summary>
    public void RequireAvailable() => FullAuth.Tests.RequiresService.Ensure(Unavailable is null, Unavailable ?? string.Empty);

    public async ValueTask InitializeAsync()
    {
        var node = FindOnPath("node");
        if (node is null)
        {
            Unavailable = "Node.js is not installed: install the Debian package nodejs, then run `npm ci --prefix tests/OAuth.Fixtures/oidc-server`.";
            return;
        }

        if (!Directory.Exists(Path.Combine(FixtureDirectory, "node_modules", "oidc-provider")))
        {
            Unavailable = "oidc-provider is not installed: run `npm ci --prefix tests/OAuth.Fixtures/oidc-server`.";
            return;
        }

        Port = FreePort();
        var start = new ProcessStartInfo(node, "server.mjs")
        {
            WorkingDirectory = FixtureDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OIDC_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["OIDC_CLIENT_ID"] = ClientId;
        start.Environment["OIDC_CLIENT_SECRET"] = ClientSecret;
        start.Environment["OIDC_REDIRECT_URIS"] = RedirectUris;
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync($"{Issuer}/.well-known/openid-configuration");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"oidc-provider exited with {_process.ExitCode}");
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("oidc-provider did not start within 30 s");
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Settings that configure this server as provider <c>oidc-test</c>.</summary>
    public (string Key, string? Value)[] Settings(params (string Key, string? Value)[] extra) =>
    [
        ("FullAuth:OAuth:RedirectUris:0", RedirectUri),
        ("FullAuth:OAuth:Oidc:test:Authority", Issuer),
        ("FullAuth:OAuth:Oidc:test:ClientId", ClientId),
        ("FullAuth:OAuth:Oidc:test:ClientSecret", ClientSecret),
        ("FullAuth:OAuth:Oidc:test:DisplayName", "Test OpenID"),
        ("FullAuth:OAuth:Oidc:test:TrustEmailVerified", "true"),
        .. extra,
    ];

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
}
