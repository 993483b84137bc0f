using System.Collections.Concurrent;
using System.Net;
using Microsoft.Data.Sqlite;

namespace FullAuth.Hardening.Tests;

/// <summary>
/// SIGKILL in the middle of a registration and refresh load on SQLite, then a restart on the same file:
/// every acknowledged registration can sign in, the database is intact, and no refresh family has more
/// than one live token (a fork would let two copies of one session live on).
/// </summary>
public sealed class CrashConsistencyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fullauth-crash-").FullName;

    private string DatabasePath => Path.Combine(_directory, "fullauth.db");

    [Fact]
    public async Task SigKillDuringRegistrationAndRefreshLoad_LosesNoAcknowledgedWriteAndForksNoFamily()
    {
        var ct = TestContext.Current.CancellationToken;
        var environment = Api.BaseEnvironment(DatabasePath);
        environment["FullAuth__RateLimits__Enabled"] = "false";

        var acknowledged = new ConcurrentBag<string>();
        var refreshes = 0;
        await using (var api = await ApiProcess.StartAsync(environment, ct))
        {
            using var client = api.CreateClient();
            var sessions = new List<string>();
            for (var i = 0; i < 6; i++)
            {
                var email = Api.NewEmail("seed");
                (await client.PostAsync($"{Api.Base}/register", new { email, password = Api.Password })).EnsureSuccessStatusCode();
                acknowledged.Add(email);
                var login = await client.PostAsync($"{Api.Base}/login", new { email, password = Api.Password });
                sessions.Add((await login.EnsureSuccessStatusCode().JsonAsync())["refresh_token"]!.GetValue<string>());
            }

            using var stop = new CancellationTokenSource();
            var workers = new List<Task>();
            for (var w = 0; w < 4; w++)
            {
                workers.Add(Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var email = Api.NewEmail("load");
                        try
                        {
                            var response = await client.PostAsync($"{Api.Base}/register", new { email, password = Api.Password }, cancellationToken: stop.Token);
                            if (response.IsSuccessStatusCode)
                            {
                                acknowledged.Add(email);
                            }
                        }
                        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                        {
                            return;
                        }
                    }
                }));
            }

            foreach (var initial in sessions)
            {
                workers.Add(Task.Run(async () =>
                {
                    var token = initial;
                    while (!stop.IsCancellationRequested)
                    {
                        try
                        {
                            var response = await client.PostAsync($"{Api.Base}/refresh", new { refresh_token = token }, cancellationToken: stop.Token);
                            if (!response.IsSuccessStatusCode)
                            {
                                return;
                            }

                            token = (await response.JsonAsync())["refresh_token"]!.GetValue<string>();
                            Interlocked.Increment(ref refreshes);
                        }
                        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                        {
                            return;
                        }
                    }
                }));
            }

            await Task.Delay(TimeSpan.FromSeconds(4), ct);
            await api.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        acknowledged.Count.Should().BeGreaterThan(10, "the load must have written something before the kill");
        refreshes.Should().BeGreaterThan(10);

        await using var restarted = await ApiProcess.StartAsync(environment, ct);
        using var after = restarted.CreateClient();
        var lost = new List<string>();
        foreach (var email in acknowledged)
        {
            var login = await after.PostAsync($"{Api.Base}/login", new { email, password = Api.Password }, cancellationToken: ct);
            if (login.StatusCode != HttpStatusCode.OK)
            {
                lost.Add($"{email}: {(int)login.StatusCode}");
            }
        }

        lost.Should().BeEmpty("every registration answered 2xx before the kill must survive it");
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        (await ScalarAsync(connection, "PRAGMA integrity_check;")).Should().Be("ok");
        (await ScalarAsync(connection, """
            SELECT COUNT(*) FROM (SELECT FamilyId FROM RefreshTokens
            WHERE UsedAt IS NULL AND RevokedAt IS NULL GROUP BY FamilyId HAVING COUNT(*) > 1);
            """)).Should().Be("0", "a refresh family never has two live tokens");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
