using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FullAuth.E2E;

/// <summary>
/// Serves samples/web (copied to the output as <c>web/</c>) as static files on its own port, so the
/// page's origin differs from the API's. <c>/config.js</c> is generated to point at the API under test.
/// </summary>
public sealed class SampleClientHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleClientHost(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SampleClientHost> StartAsync(int port, string apiUrl)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "web");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root, EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.ListenLocalhost(port));
        var app = builder.Build();
        app.MapGet("/config.js", () => Results.Text($"window.FULLAUTH_API_URL = '{apiUrl}';", "text/javascript"));
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        await app.StartAsync();
        return new SampleClientHost(app, port);
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
