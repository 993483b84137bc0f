using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FullAuth.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings. In WAL mode (set at startup) <c>synchronous=NORMAL</c> is SQLite's
/// recommended setting: no corruption, nothing lost when the process dies (the WAL is written before a
/// commit returns), only the last commits may roll back on a power loss; in exchange a commit no
/// longer waits for an fsync. A 5-second busy timeout lets concurrent writers queue instead of failing.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
