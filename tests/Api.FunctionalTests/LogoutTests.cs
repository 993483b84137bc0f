using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;
using static FullAuth.Api.FunctionalTests.Infrastructure.ApiClient;

namespace FullAuth.Api.FunctionalTests;

public sealed class LogoutTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Logout_WithAccessToken_EndsThatSessionAtOnceAndKeepsOthers()
    {
        var email = NewEmail();
        var ending = await _client.NewSessionAsync(email);
        var other = await _client.SignInAsync(email);

        var response = await _client.PostJsonAsync($"{Base}/logout", null, ending.AccessToken);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _client.MeAsync(ending.AccessToken)).ShouldBeUnauthenticatedAsync();
        await (await _client.RefreshAsync(ending.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await _client.MeAsync(other.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.RefreshAsync(other.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_WithOnlyRefreshTokenInBody_Returns204AndEndsTheSession()
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.PostJsonAsync($"{Base}/logout", new { refresh_token = session.RefreshToken });

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _client.RefreshAsync(session.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await _client.MeAsync(session.AccessToken)).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Logout_WithNothing_Returns401Unauthenticated()
    {
        var response = await _client.PostJsonAsync($"{Base}/logout", null);

        await response.ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Logout_WithEmptyJsonObject_Returns401Unauthenticated()
    {
        var response = await _client.PostJsonAsync($"{Base}/logout", "{}");

        await response.ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Logout_WithInvalidAccessToken_Returns401EvenWithAValidRefreshToken()
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.PostJsonAsync($"{Base}/logout", new { refresh_token = session.RefreshToken }, "not-a-jwt");

        await response.ShouldBeUnauthenticatedAsync();
        (await _client.MeAsync(session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_WithAnotherUsersRefreshToken_EndsOnlyTheCallersSession()
    {
        var caller = await _client.NewSessionAsync();
        var victim = await _client.NewSessionAsync();

        var response = await _client.PostJsonAsync($"{Base}/logout", new { refresh_token = victim.RefreshToken }, caller.AccessToken);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _client.MeAsync(caller.AccessToken)).ShouldBeUnauthenticatedAsync();
        (await _client.MeAsync(victim.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.RefreshAsync(victim.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_Twice_SecondAccessTokenUseIs401()
    {
        var session = await _client.NewSessionAsync();
        (await _client.PostJsonAsync($"{Base}/logout", null, session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var again = await _client.PostJsonAsync($"{Base}/logout", null, session.AccessToken);

        await again.ShouldBeUnauthenticatedAsync();
    }
}
