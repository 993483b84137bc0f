using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests.Tokens;

/// <summary>POST /token/revoke: RFC 7009, always 200 with <c>{}</c>; a known token ends its whole session.</summary>
public sealed class TokenRevocationTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    private const string Path = $"{ApiClient.Base}/token/revoke";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Revoke_RefreshToken_EndsItsSessionAndItsAccessTokens()
    {
        var session = await _client.NewSessionAsync();
        var other = await _client.SignInAsync(session.Email);

        var response = await _client.PostJsonAsync(Path, new { token = session.RefreshToken });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("{}");
        (await _client.MeAsync(session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the session's access tokens fail at once");
        (await _client.RefreshAsync(session.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _client.MeAsync(other.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK, "other sessions are untouched");
    }

    [Fact]
    public async Task Revoke_AccessToken_EndsItsSession()
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.PostJsonAsync(Path, new { token = session.AccessToken });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("{}");
        (await _client.MeAsync(session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _client.RefreshAsync(session.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("unknown-refresh-token")]
    [InlineData("a.b.c")]
    public async Task Revoke_UnknownToken_Still200WithEmptyObject(string token)
    {
        var response = await _client.PostJsonAsync(Path, new { token });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("{}");
    }

    [Fact]
    public async Task Revoke_AlreadyRevokedToken_Still200()
    {
        var session = await _client.NewSessionAsync();
        (await _client.PostJsonAsync(Path, new { token = session.RefreshToken })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await _client.PostJsonAsync(Path, new { token = session.RefreshToken })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.PostJsonAsync(Path, new { token = session.AccessToken })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoke_MissingToken_ValidationNamesToken()
    {
        await (await _client.PostJsonAsync(Path, new { })).ShouldBeValidationProblemAsync("token");
    }
}
