namespace FullAuth.Tests.Fixtures;

/// <summary>One <c>redis-server</c> per test class that uses it; tests call <see cref="Require"/> first.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("Call Require() first.");

    public string ConnectionString => Server.ConnectionString;

    /// <summary>Skips the test (fails it in CI) when redis-server is not installed.</summary>
    public RedisServer Require()
    {
        if (_server is null)
        {
            ServerBinaries.Missing("redis-server", "redis-server");
        }

        return Server;
    }

    public async ValueTask InitializeAsync() => _server = await RedisServer.TryStartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
