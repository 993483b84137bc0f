using System.Security.Cryptography;
using FullAuth.Tests.Fixtures;

namespace FullAuth.MultiInstance.Tests;

/// <summary>
/// Two API processes (A and B) sharing one Redis and one PostgreSQL database, started together (so
/// their concurrent startup migration is part of what is tested). 127.0.0.1 is a trusted proxy, so
/// each scenario picks its own client address with <c>X-Forwarded-For</c>.
/// </summary>
public sealed class MultiInstanceFixture : IAsyncLifetime
{
    /// <summary>The origin the passkey tests' software authenticator writes into clientDataJSON.</summary>
    public const string PasskeyOrigin = "http://localhost:5173";

    private RedisServer? _redis;
    private PostgreSqlServer? _postgres;
    private string? _missing;

    public RedisServer Redis => _redis!;

    public ApiProcess A { get; private set; } = null!;

    public ApiProcess B { get; private set; } = null!;

    /// <summary>Skips (fails in CI) when redis-server or PostgreSQL is missing.</summary>
    public void Require()
    {
        if (_missing is not null)
        {
            ServerBinaries.Missing(_missing, _missing == "redis-server" ? "redis-server" : "postgresql");
        }
    }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _redis = await RedisServer.TryStartAsync();
        if (_redis is null)
        {
            _missing = "redis-server";
            return;
        }

        _postgres = await PostgreSqlServer.TryStartAsync();
        if (_postgres is null)
        {
            _missing = "PostgreSQL (initdb, pg_ctl)";
            return;
        }

        var connectionString = await _postgres.CreateDatabaseAsync("fullauth");
        var environment = new Dictionary<string, string>
        {
            ["FullAuth__SecretKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["FullAuth__Database__Provider"] = "PostgreSql",
            ["FullAuth__Database__ConnectionString"] = connectionString,
            ["FullAuth__RedisUrl"] = _redis.ConnectionString,
            ["FullAuth__TrustedProxies__0"] = "127.0.0.1",
            ["FullAuth__Passkeys__RpId"] = "localhost",
            ["FullAuth__Passkeys__Origins__0"] = PasskeyOrigin,
            // Cheaper hashing keeps the test quick on two cores; hashing is covered elsewhere.
            ["FullAuth__Password__Hasher"] = "bcrypt",
            ["FullAuth__Password__BcryptWorkFactor"] = "10",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__FullAuth"] = "Information",
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

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
