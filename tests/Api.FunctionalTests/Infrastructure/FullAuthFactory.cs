using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using FullAuth.Domain.Users;
using FullAuth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FullAuth.Api.FunctionalTests.Infrastructure;

/// <summary>
/// The real API on a fresh SQLite file with in-memory stores. Each request gets a random client IP
/// unless it sends <c>X-Test-Peer</c> (tests about rate limits and proxies set it), so unrelated
/// tests never share a rate-limit bucket.
/// </summary>
public class FullAuthFactory : WebApplicationFactory<Program>
{
    public const string TestSecret = "functional-tests-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"fullauth-tests-{Guid.NewGuid():N}.db");

    /// <summary>Extra settings (keys as in configuration, e.g. <c>FullAuth:PreventEnumeration</c>).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    public string Environment { get; set; } = "Testing";

    /// <summary>A factory with extra settings; the caller disposes it.</summary>
    public static FullAuthFactory With(params (string Key, string? Value)[] settings)
    {
        var factory = new FullAuthFactory();
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    /// <summary>Changes a stored user directly (what an admin or a later feature would do).</summary>
    public async Task UpdateUserAsync(string email, Action<User> change)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var normalized = EmailAddress.Normalize(email);
        var user = await db.Users.SingleAsync(u => u.Email == normalized);
        change(user);
        await db.SaveChangesAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["FullAuth:SecretKey"] = TestSecret,
            ["FullAuth:Database:ConnectionString"] = $"Data Source={_databasePath}",
            // Faster hashing keeps the suite quick; the production defaults are covered by the hasher's own tests.
            ["FullAuth:Password:Hasher"] = "bcrypt",
            ["FullAuth:Password:BcryptWorkFactor"] = "10",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.UseEnvironment(Environment);

        // With minimal hosting, Program reads builder.Configuration before WebApplicationFactory's
        // ConfigureAppConfiguration is applied (the database provider and connection string are read at
        // registration). Host settings are visible from the start; the app configuration source below
        // makes the same values win over appsettings files once the host is built.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestPeerStartupFilter>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                try
                {
                    File.Delete(_databasePath + suffix);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private sealed class TestPeerStartupFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
            {
                IPAddress? ip = null;
                if (context.Request.Headers.TryGetValue("X-Test-Peer", out var peer))
                {
                    ip = IPAddress.TryParse(peer.ToString(), out var parsed) ? parsed : null;
                }

                context.Connection.RemoteIpAddress = ip ?? new IPAddress(BitConverter.GetBytes(Random.Shared.Next()));
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
