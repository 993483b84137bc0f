using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace FullAuth.E2E;

/// <summary>
/// The real API on Kestrel (a loopback port) in cookie mode as a developer runs it next to the sample
/// client: Development, <c>Debug=true</c> (plain cookie names, not Secure, for http://localhost), the
/// page's origin as the only CORS origin, a fresh SQLite file.
/// </summary>
public sealed class ApiServer : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"fullauth-e2e-{Guid.NewGuid():N}.db");
    private readonly string _pageOrigin;
    private readonly IReadOnlyDictionary<string, string?> _extra;

    public ApiServer(int port, string pageOrigin, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        _pageOrigin = pageOrigin;
        _extra = extraSettings ?? new Dictionary<string, string?>();
        Port = port;
        UseKestrel(port);
    }

    public int Port { get; }

    public string Url => $"http://localhost:{Port}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FullAuth:SecretKey"] = "e2e-tests-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            ["FullAuth:Database:ConnectionString"] = $"Data Source={_databasePath}",
            ["FullAuth:TokenDelivery"] = "cookie",
            ["FullAuth:Debug"] = "true",
            ["FullAuth:Cors:Origins:0"] = _pageOrigin,
            ["FullAuth:Email:Transport"] = "none",
            ["FullAuth:Password:Hasher"] = "bcrypt",
            ["FullAuth:Password:BcryptWorkFactor"] = "10",
            // Every browser request comes from 127.0.0.1: room for all the tests' sign-ups and logins.
            ["FullAuth:RateLimits:Register"] = "100",
            ["FullAuth:RateLimits:Login"] = "100",
            ["Logging:LogLevel:Default"] = "Warning",
        }.Concat(_extra).GroupBy(p => p.Key).Select(g => g.Last())));
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
}
