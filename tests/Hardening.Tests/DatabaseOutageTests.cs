using System.Diagnostics;
using System.Net;
using FullAuth.Tests.Fixtures;

namespace FullAuth.Hardening.Tests;

/// <summary>PostgreSQL stopped under a running API: database-backed routes answer 503 <c>store_unavailable</c> with <c>Retry-After</c>, never 500, and work again once it is back.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task PostgreSqlStopped_DatabaseRoutesAnswer503ThenRecover()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = await PostgreSqlCluster.TryCreateAsync();
        if (postgres is null)
        {
            ServerBinaries.Missing("PostgreSQL (initdb, pg_ctl)", "postgresql");
            return;
        }

        var environment = Api.BaseEnvironment("unused.db");
        environment["FullAuth__Database__Provider"] = "PostgreSql";
        environment["FullAuth__Database__ConnectionString"] = postgres.ConnectionString;
        environment["FullAuth__RateLimits__Enabled"] = "false";
        await using var api = await ApiProcess.StartAsync(environment, ct);
        using var client = api.CreateClient();
        var email = Api.NewEmail("outage");
        (await client.PostAsync($"{Api.Base}/register", new { email, password = Api.Password }, cancellationToken: ct)).EnsureSuccessStatusCode();
        var login = await (await client.PostAsync($"{Api.Base}/login", new { email, password = Api.Password }, cancellationToken: ct)).EnsureSuccessStatusCode().JsonAsync();
        var access = login["access_token"]!.GetValue<string>();
        var refresh = login["refresh_token"]!.GetValue<string>();

        await postgres.StopAsync();

        var during = new[]
        {
            await client.PostAsync($"{Api.Base}/login", new { email, password = Api.Password }, cancellationToken: ct),
            await client.PostAsync($"{Api.Base}/register", new { email = Api.NewEmail("outage"), password = Api.Password }, cancellationToken: ct),
            await client.GetAsync($"{Api.Base}/me", access, cancellationToken: ct),
            await client.PostAsync($"{Api.Base}/refresh", new { refresh_token = refresh }, cancellationToken: ct),
        };
        foreach (var response in during)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "{0} {1}: {2}", response.RequestMessage!.Method, response.RequestMessage.RequestUri, text);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await response.JsonAsync())["code"]!.GetValue<string>().Should().Be("store_unavailable");
            response.Headers.RetryAfter!.Delta.Should().BePositive();
            text.Should().NotContain("Npgsql").And.NotContain("Exception").And.NotContain("127.0.0.1");
        }

        (await client.GetAsync("health/ready", null, cancellationToken: ct)).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        api.Output.Should().NotContain("Unhandled exception", "an outage is not a bug");

        await postgres.StartAsync();

        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(500, ct);
            status = (await client.PostAsync($"{Api.Base}/login", new { email, password = Api.Password }, cancellationToken: ct)).StatusCode;
        }
        while (status != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(30));

        status.Should().Be(HttpStatusCode.OK, "the API recovers by itself once the database is back");
        (await client.GetAsync($"{Api.Base}/me", access, cancellationToken: ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsync($"{Api.Base}/refresh", new { refresh_token = refresh }, cancellationToken: ct)).StatusCode.Should().Be(HttpStatusCode.OK, "the refresh attempted during the outage changed nothing");
    }
}
