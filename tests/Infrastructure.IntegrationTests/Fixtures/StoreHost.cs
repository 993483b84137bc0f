using System.Diagnostics.Metrics;
using FullAuth.Infrastructure;
using FullAuth.Infrastructure.Stores.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace FullAuth.Tests.Fixtures;

/// <summary>
/// The Infrastructure container as an API instance builds it (<c>AddInfrastructure</c> with the given
/// settings). Two hosts on one Redis behave like two instances.
/// </summary>
internal sealed class StoreHost : IAsyncDisposable
{
    public const string Secret = "integration-tests-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    private readonly MeterListener _listener = new();
    private long _fallbacks;
    private long _unavailable;

    private StoreHost(ServiceProvider services)
    {
        Services = services;
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name is "fullauth.store.fallbacks" or "fullauth.store.unavailable")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "fullauth.store.fallbacks")
            {
                Interlocked.Add(ref _fallbacks, value);
            }
            else
            {
                Interlocked.Add(ref _unavailable, value);
            }
        });
        _listener.Start();
    }

    public ServiceProvider Services { get; }

    public long Fallbacks => Interlocked.Read(ref _fallbacks);

    public long Unavailable => Interlocked.Read(ref _unavailable);

    public static StoreHost Create(IDictionary<string, string?> settings, string environment = "Production")
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["FullAuth:SecretKey"] = Secret,
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        var hostEnvironment = new TestEnvironment(environment);
        services.AddSingleton<IHostEnvironment>(hostEnvironment);
        services.AddInfrastructure(configuration, hostEnvironment);
        return new StoreHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    /// <summary>Every store on the given Redis, keys under <paramref name="prefix"/>.</summary>
    public static StoreHost OnRedis(string redisUrl, string prefix) => Create(new Dictionary<string, string?>
    {
        ["FullAuth:RedisUrl"] = redisUrl,
        ["FullAuth:Redis:KeyPrefix"] = prefix,
    });

    /// <summary>A Redis URL where nothing listens: every command fails as when Redis is down.</summary>
    public static string UnreachableRedisUrl() => $"127.0.0.1:{ServerBinaries.FreePort()},connectTimeout=1000";

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10] + ":";

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task<ConnectionMultiplexer> MultiplexerAsync() => await Get<RedisConnection>().GetMultiplexerAsync();

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await Services.DisposeAsync();
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "FullAuth.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
