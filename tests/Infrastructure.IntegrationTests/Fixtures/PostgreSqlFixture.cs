namespace FullAuth.Tests.Fixtures;

/// <summary>One throwaway PostgreSQL cluster per test class that uses it; tests call <see cref="Require"/> first.</summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    private PostgreSqlServer? _server;

    public PostgreSqlServer Server => _server ?? throw new InvalidOperationException("Call Require() first.");

    /// <summary>Skips the test (fails it in CI) when the PostgreSQL server binaries are not installed.</summary>
    public PostgreSqlServer Require()
    {
        if (_server is null)
        {
            ServerBinaries.Missing("PostgreSQL (initdb, pg_ctl)", "postgresql");
        }

        return Server;
    }

    public async ValueTask InitializeAsync() => _server = await PostgreSqlServer.TryStartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
