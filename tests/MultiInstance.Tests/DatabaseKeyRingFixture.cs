using System.Security.Cryptography;
using FullAuth.Tests.Fixtures;

namespace FullAuth.MultiInstance.Tests;

/// <summary>
/// Two API processes on one PostgreSQL database with every store in memory (no Redis): the ASP.NET
/// Data Protection key ring then lives in the database, the only thing the instances share.
/// </summary>
public sealed class DatabaseKeyRingFixture : IAsyncLifetime
{
    private PostgreSqlServer? _postgres;
    private bool _missing;

    public ApiProcess A { get; private set; } = null!;

    public ApiProcess B { get; private set; } = null!;

    public void Require()
    {
        if (_missing)
        {
            ServerBinaries.Missing("PostgreSQL (initdb, pg_ctl)", "postgresql");
        }
    }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _postgres = await PostgreSqlServer.TryStartAsync();
        if (_postgres is null)
        {
            _missing = true;
            return;
        }

        var environment = new Dictionary<string, string>
        {
            ["FullAuth__SecretKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["FullAuth__Database__Provider"] = "PostgreSql",
            ["FullAuth__Database__ConnectionString"] = await _postgres.CreateDatabaseAsync("fullauth_keyring"),
            ["FullAuth__Backend"] = "memory",
            ["FullAuth__Password__Hasher"] = "bcrypt",
            ["FullAuth__Password__BcryptWorkFactor"] = "10",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        try
        {
            (A, B) = await ApiProcess.StartPairAsync(environment, ct);
        }
        catch
        {
            await DisposeAsync(); // the servers this fixture started
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var api in new[] { A, B })
        {
            if (api is not null)
            {
                await api.DisposeAsync();
            }
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
