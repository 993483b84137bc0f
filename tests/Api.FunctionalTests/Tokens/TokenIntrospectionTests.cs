using System.Net;
using FullAuth.Api.FunctionalTests.Admin;
using FullAuth.Api.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FullAuth.Api.FunctionalTests.Tokens;

/// <summary>POST /token/introspect: RFC 7662 answers for access, refresh, revoked, expired and foreign tokens.</summary>
public sealed class TokenIntrospectionTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    private const string Path = $"{ApiClient.Base}/token/introspect";
    private const string Inactive = "{\"active\":false}";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Introspect_OwnAccessToken_ActiveWithRfc7662Members()
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.PostJsonAsync(Path, new { token = session.AccessToken }, session.AccessToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = await response.JsonAsync();
        body.Select(p => p.Key).Should().BeEquivalentTo(["active", "sub", "sid", "exp", "iat", "token_type"]);
        var claims = Jwt.Payload(session.AccessToken);
        body["active"]!.GetValue<bool>().Should().BeTrue();
        body["token_type"]!.GetValue<string>().Should().Be("access_token");
        body["sub"]!.GetValue<string>().Should().Be(session.UserId);
        body["sid"]!.GetValue<string>().Should().Be(session.SessionId);
        body["exp"]!.GetValue<long>().Should().Be(claims["exp"]!.GetValue<long>());
        body["iat"]!.GetValue<long>().Should().Be(claims["iat"]!.GetValue<long>());
    }

    [Fact]
    public async Task Introspect_OwnRefreshToken_ActiveAndNeitherRotatedNorConsumed()
    {
        var session = await _client.NewSessionAsync();

        var body = await (await _client.PostJsonAsync(Path, new { token = session.RefreshToken }, session.AccessToken)).JsonAsync();

        body["active"]!.GetValue<bool>().Should().BeTrue();
        body["token_type"]!.GetValue<string>().Should().Be("refresh_token");
        body["sub"]!.GetValue<string>().Should().Be(session.UserId);
        body["sid"]!.GetValue<string>().Should().Be(session.SessionId);
        DateTimeOffset.FromUnixTimeSeconds(body["exp"]!.GetValue<long>()).Should().BeCloseTo(DateTimeOffset.UtcNow.AddDays(30), TimeSpan.FromMinutes(5));
        DateTimeOffset.FromUnixTimeSeconds(body["iat"]!.GetValue<long>()).Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

        (await _client.PostJsonAsync(Path, new { token = session.RefreshToken }, session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        var refresh = await _client.RefreshAsync(session.RefreshToken);
        refresh.StatusCode.Should().Be(HttpStatusCode.OK, "introspection neither rotates nor consumes the token");
        var rotated = (await refresh.JsonAsync())["refresh_token"]!.GetValue<string>();

        (await RawAsync(session.RefreshToken, session.AccessToken)).Should().Be(Inactive, "a rotated token is no longer usable");
        (await (await _client.PostJsonAsync(Path, new { token = rotated }, session.AccessToken)).JsonAsync())["active"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Introspect_TokensOfARevokedSession_ExactlyActiveFalse()
    {
        var caller = await _client.NewSessionAsync();
        var ended = await _client.SignInAsync(caller.Email);
        (await _client.PostJsonAsync($"{ApiClient.Base}/logout", new { }, ended.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await RawAsync(ended.AccessToken, caller.AccessToken)).Should().Be(Inactive);
        (await RawAsync(ended.RefreshToken, caller.AccessToken)).Should().Be(Inactive);
    }

    [Fact]
    public async Task Introspect_ExpiredTokens_ExactlyActiveFalse()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var timed = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = timed.CreateClient();
        var email = ApiClient.NewEmail();
        var old = await client.NewSessionAsync(email);

        clock.Advance(TimeSpan.FromMinutes(20));
        var fresh = await client.SignInAsync(email);
        (await RawAsync(old.AccessToken, fresh.AccessToken, client)).Should().Be(Inactive, "the access token expired after 15 minutes");
        (await (await client.PostJsonAsync(Path, new { token = old.RefreshToken }, fresh.AccessToken)).JsonAsync())["active"]!.GetValue<bool>().Should().BeTrue();

        clock.Advance(TimeSpan.FromDays(31));
        var later = await client.SignInAsync(email);
        (await RawAsync(old.RefreshToken, later.AccessToken, client)).Should().Be(Inactive, "the session expired after 30 days");
    }

    [Fact]
    public async Task Introspect_AnotherUsersToken_WithoutPermission_ExactlyActiveFalse()
    {
        var owner = await _client.NewSessionAsync();
        var stranger = await _client.NewSessionAsync();

        (await RawAsync(owner.AccessToken, stranger.AccessToken)).Should().Be(Inactive);
        (await RawAsync(owner.RefreshToken, stranger.AccessToken)).Should().Be(Inactive);
    }

    [Fact]
    public async Task Introspect_AnotherUsersToken_WithTokensIntrospect_IsReported()
    {
        var owner = await _client.NewSessionAsync();
        var resourceServer = await _client.NewSessionAsync();
        await factory.GrantRoleAsync(resourceServer.UserId, "introspector", "tokens:introspect");

        var access = await (await _client.PostJsonAsync(Path, new { token = owner.AccessToken }, resourceServer.AccessToken)).JsonAsync();
        var refresh = await (await _client.PostJsonAsync(Path, new { token = owner.RefreshToken }, resourceServer.AccessToken)).JsonAsync();

        access["active"]!.GetValue<bool>().Should().BeTrue();
        access["sub"]!.GetValue<string>().Should().Be(owner.UserId);
        refresh["active"]!.GetValue<bool>().Should().BeTrue();
        refresh["sid"]!.GetValue<string>().Should().Be(owner.SessionId);
    }

    [Fact]
    public async Task Introspect_TokenOfAnInactiveUser_ExactlyActiveFalse()
    {
        var owner = await _client.NewSessionAsync();
        var resourceServer = await _client.NewSessionAsync();
        await factory.GrantRoleAsync(resourceServer.UserId, "introspector", "tokens:introspect");

        await factory.UpdateUserAsync(owner.Email, u => u.SetActive(false, DateTimeOffset.UtcNow));

        (await RawAsync(owner.AccessToken, resourceServer.AccessToken)).Should().Be(Inactive);
        (await RawAsync(owner.RefreshToken, resourceServer.AccessToken)).Should().Be(Inactive);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    public async Task Introspect_GarbageToken_ExactlyActiveFalse(string token)
    {
        var caller = await _client.NewSessionAsync();

        (await RawAsync(token, caller.AccessToken)).Should().Be(Inactive);
    }

    [Fact]
    public async Task Introspect_WithoutAccessToken_Is401()
    {
        var session = await _client.NewSessionAsync();

        await (await _client.PostJsonAsync(Path, new { token = session.AccessToken })).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Introspect_MissingToken_ValidationNamesToken()
    {
        var session = await _client.NewSessionAsync();

        await (await _client.PostJsonAsync(Path, new { }, session.AccessToken)).ShouldBeValidationProblemAsync("token");
    }

    private async Task<string> RawAsync(string token, string bearer, HttpClient? client = null)
    {
        var response = await (client ?? _client).PostJsonAsync(Path, new { token }, bearer);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
