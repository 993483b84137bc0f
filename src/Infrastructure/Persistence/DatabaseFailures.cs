using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace FullAuth.Infrastructure.Persistence;

/// <summary>
/// Tells a database outage (server down or restarting, connection refused or dropped, SQLite busy or
/// unopenable) from a bug, so the API answers 503 <c>store_unavailable</c> with <c>Retry-After</c>
/// instead of 500 while the database is away, and recovers by itself when it returns.
/// </summary>
public static class DatabaseFailures
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static bool IsOutage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6 or 14: // BUSY, LOCKED, CANTOPEN
                case DbException { IsTransient: true }: // Npgsql and SqlClient: connection failures, server shutting down, timeouts
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}
