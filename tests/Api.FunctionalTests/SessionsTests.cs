using System.Net;
using System.Text.Json.Nodes;
using FullAuth.Api.FunctionalTests.Infrastructure;
using static FullAuth.Api.FunctionalTests.Infrastructure.ApiClient;

namespace FullAuth.Api.FunctionalTests;

public sealed class SessionsTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task List_TwoSessions_ShowsShapeMostRecentlyUsedFirstAndCurrent()
    {
        var email = NewEmail();
        await _client.RegisterAsync(email);
        var older = await _client.SignInAsync(email, userAgent: "older-agent/1.0");
        var newer = await _client.SignInAsync(email, userAgent: "newer-agent/2.0");

        var sessions = await ListAsync(newer.AccessToken);

        sessions.Should().HaveCount(2);
        var first = sessions[0]!.AsObject();
        first.Select(p => p.Key).Should().BeEquivalentTo(["id", "created_at", "last_used_at", "expires_at", "ip_address", "user_agent", "current", "amr"]);
        first["id"]!.GetValue<string>().Should().Be(newer.SessionId);
        first["current"]!.GetValue<bool>().Should().BeTrue();
        first["user_agent"]!.GetValue<string>().Should().Be("newer-agent/2.0");
        first["ip_address"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        first["amr"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("pwd");
        first["created_at"]!.GetValue<string>().Should().EndWith("Z");
        sessions[1]!["id"]!.GetValue<string>().Should().Be(older.SessionId);
        sessions[1]!["current"]!.GetValue<bool>().Should().BeFalse();

        // Using the older session (a refresh) makes it the most recently used.
        var refreshed = await (await _client.RefreshAsync(older.RefreshToken)).JsonAsync();
        var reordered = await ListAsync(refreshed["access_token"]!.GetValue<string>());

        reordered.Select(s => s!["id"]!.GetValue<string>()).Should().Equal(older.SessionId, newer.SessionId);
        reordered[0]!["current"]!.GetValue<bool>().Should().BeTrue();
        reordered[1]!["current"]!.GetValue<bool>().Should().BeFalse();
        var lastUsed = DateTimeOffset.Parse(reordered[0]!["last_used_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var created = DateTimeOffset.Parse(reordered[0]!["created_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        lastUsed.Should().BeAfter(created);
    }

    [Fact]
    public async Task List_WithoutAccessToken_Returns401()
    {
        await (await _client.GetAsync($"{Base}/sessions", null)).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Sessions_RememberMe_Expires90DaysOutAndDefault30Days()
    {
        var email = NewEmail();
        await _client.RegisterAsync(email);
        var normal = await _client.SignInAsync(email);
        var remembered = await _client.SignInAsync(email, rememberMe: true);

        var sessions = await ListAsync(normal.AccessToken);

        var now = DateTimeOffset.UtcNow;
        ExpiresAt(sessions, normal.SessionId).Should().BeCloseTo(now.AddDays(30), TimeSpan.FromMinutes(5));
        ExpiresAt(sessions, remembered.SessionId).Should().BeCloseTo(now.AddDays(90), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Sessions_Refresh_NeverMovesExpiresAt()
    {
        var session = await _client.NewSessionAsync(rememberMe: true);
        var before = ExpiresAt(await ListAsync(session.AccessToken), session.SessionId);
        await Task.Delay(50);

        var refreshed = await (await _client.RefreshAsync(session.RefreshToken)).JsonAsync();
        var twice = await (await _client.RefreshAsync(refreshed["refresh_token"]!.GetValue<string>())).JsonAsync();

        var after = ExpiresAt(await ListAsync(twice["access_token"]!.GetValue<string>()), session.SessionId);
        after.Should().Be(before);
    }

    [Fact]
    public async Task Delete_AnotherUsersSession_Returns404AndLeavesItAlone()
    {
        var caller = await _client.NewSessionAsync();
        var other = await _client.NewSessionAsync();

        var response = await _client.DeleteAsync($"{Base}/sessions/{other.SessionId}", caller.AccessToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await _client.MeAsync(other.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.RefreshAsync(other.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_UnknownSessionId_Returns404()
    {
        var caller = await _client.NewSessionAsync();

        var response = await _client.DeleteAsync($"{Base}/sessions/{Guid.NewGuid():N}", caller.AccessToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Delete_OwnOtherSession_EndsItAtOnceAndKeepsTheCaller()
    {
        var email = NewEmail();
        var caller = await _client.NewSessionAsync(email);
        var other = await _client.SignInAsync(email);

        var response = await _client.DeleteAsync($"{Base}/sessions/{other.SessionId}", caller.AccessToken);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _client.MeAsync(other.AccessToken)).ShouldBeUnauthenticatedAsync();
        await (await _client.RefreshAsync(other.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await _client.MeAsync(caller.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ListAsync(caller.AccessToken)).Select(s => s!["id"]!.GetValue<string>()).Should().Equal(caller.SessionId);
    }

    [Fact]
    public async Task Delete_CurrentSession_IsALogout()
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.DeleteAsync($"{Base}/sessions/{session.SessionId}", session.AccessToken);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _client.MeAsync(session.AccessToken)).ShouldBeUnauthenticatedAsync();
        await (await _client.RefreshAsync(session.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task RevokeOthers_ThreeSessions_EndsTheOtherTwoAtOnce()
    {
        var email = NewEmail();
        var caller = await _client.NewSessionAsync(email);
        var second = await _client.SignInAsync(email);
        var third = await _client.SignInAsync(email);
        var stranger = await _client.NewSessionAsync();

        var response = await _client.PostJsonAsync($"{Base}/sessions/revoke-others", null, caller.AccessToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.Select(p => p.Key).Should().BeEquivalentTo(["revoked"]);
        body["revoked"]!.GetValue<int>().Should().Be(2);
        await (await _client.MeAsync(second.AccessToken)).ShouldBeUnauthenticatedAsync();
        await (await _client.MeAsync(third.AccessToken)).ShouldBeUnauthenticatedAsync();
        await (await _client.RefreshAsync(second.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await _client.MeAsync(caller.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.RefreshAsync(caller.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.MeAsync(stranger.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RevokeOthers_OnlySession_ReturnsZero()
    {
        var caller = await _client.NewSessionAsync();

        var response = await _client.PostJsonAsync($"{Base}/sessions/revoke-others", null, caller.AccessToken);

        (await response.JsonAsync())["revoked"]!.GetValue<int>().Should().Be(0);
        (await _client.MeAsync(caller.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_BeyondMaxPerUser_RevokesTheOldestSession()
    {
        await using var custom = FullAuthFactory.With(("FullAuth:Sessions:MaxPerUser", "2"));
        var client = custom.CreateClient();
        var email = NewEmail();
        var oldest = await client.NewSessionAsync(email);
        var middle = await client.SignInAsync(email);

        var newest = await client.SignInAsync(email);

        await (await client.MeAsync(oldest.AccessToken)).ShouldBeUnauthenticatedAsync();
        await (await client.RefreshAsync(oldest.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await client.MeAsync(middle.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        var listed = await (await client.GetAsync($"{Base}/sessions", newest.AccessToken)).JsonArrayAsync();
        listed.Select(s => s!["id"]!.GetValue<string>()).Should().BeEquivalentTo([newest.SessionId, middle.SessionId]);
    }

    private async Task<JsonArray> ListAsync(string accessToken)
    {
        var response = await _client.GetAsync($"{Base}/sessions", accessToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.JsonArrayAsync();
    }

    private static DateTimeOffset ExpiresAt(JsonArray sessions, string sessionId) =>
        DateTimeOffset.Parse(
            sessions.Single(s => s!["id"]!.GetValue<string>() == sessionId)!["expires_at"]!.GetValue<string>(),
            System.Globalization.CultureInfo.InvariantCulture);
}
