using System.Net;
using System.Net.Http.Headers;
using FullAuth.Api.FunctionalTests.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace FullAuth.Api.FunctionalTests.Cookies;

public sealed class CookieDeliveryTests(CookieModeFactory factory) : IClassFixture<CookieModeFactory>
{
    private const string Access = "__Host-fullauth_access";
    private const string Refresh = "__Secure-fullauth_refresh";
    private const string Csrf = "__Host-fullauth_csrf";

    [Fact]
    public async Task Login_CookieMode_SetsHttpOnlySecureCookiesAndNoTokensInBody()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();

        var login = await client.LoginAsync();

        login.StatusCode.Should().Be(HttpStatusCode.OK);
        login.Headers.CacheControl!.NoStore.Should().BeTrue();
        var raw = await login.Content.ReadAsStringAsync();
        var body = System.Text.Json.Nodes.JsonNode.Parse(raw)!.AsObject();
        body.Select(p => p.Key).Should().BeEquivalentTo(["user", "token_type", "expires_in", "csrf_token", "mfa_required"]);
        body["mfa_required"]!.GetValue<bool>().Should().BeFalse();
        body["user"]!["email"]!.GetValue<string>().Should().Be(client.Email);

        var access = client.SetCookie(Access);
        access.HttpOnly.Should().BeTrue();
        access.Secure.Should().BeTrue();
        access.Path.Value.Should().Be("/");
        access.Domain.HasValue.Should().BeFalse();
        access.SameSite.Should().Be(SameSiteMode.Lax);
        access.Value.Value.Should().Contain(".", "the access cookie holds the JWT");

        var refresh = client.SetCookie(Refresh);
        refresh.HttpOnly.Should().BeTrue();
        refresh.Secure.Should().BeTrue();
        refresh.Path.Value.Should().Be("/api/v1/auth");

        var csrf = client.SetCookie(Csrf);
        csrf.HttpOnly.Should().BeFalse("scripts read the CSRF cookie");
        csrf.Secure.Should().BeTrue();
        csrf.Path.Value.Should().Be("/");
        csrf.Value.Value.Should().Be(body["csrf_token"]!.GetValue<string>());

        raw.Should().NotContain(access.Value.Value!).And.NotContain(refresh.Value.Value!);
    }

    [Fact]
    public async Task Register_CookieModeSigningIn_AnswersCreatedWithCookiesAndCsrfToken()
    {
        var client = new CookieClient(factory);

        var body = await client.RegisterAsync();

        body.ContainsKey("access_token").Should().BeFalse();
        body.ContainsKey("refresh_token").Should().BeFalse();
        client.Cookies.Keys.Should().BeEquivalentTo([Access, Refresh, Csrf]);
        client.Cookies[Csrf].Should().Be(body["csrf_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_WithoutRememberMe_SetsSessionCookies()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();

        await client.LoginAsync(rememberMe: false);

        client.LastSetCookies.Should().HaveCount(3).And.OnlyContain(c => c.Expires == null && c.MaxAge == null);
    }

    [Fact]
    public async Task Login_WithRememberMe_CookiesLastUntilTheSessionExpires()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();

        await client.LoginAsync(rememberMe: true);

        var expected = DateTimeOffset.UtcNow.AddDays(90);
        foreach (var cookie in client.LastSetCookies)
        {
            cookie.Expires.Should().BeCloseTo(expected, TimeSpan.FromMinutes(5), cookie.Name.Value);
        }

        var sessions = await client.SendAsync(HttpMethod.Get, "sessions");
        var current = (await sessions.Content.ReadAsStringAsync());
        current.Should().Contain("\"current\":true");
    }

    [Fact]
    public async Task Me_WithAccessCookie_ReturnsTheUser()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();

        var me = await client.SendAsync(HttpMethod.Get, "me");

        me.StatusCode.Should().Be(HttpStatusCode.OK);
        (await me.JsonAsync())["email"]!.GetValue<string>().Should().Be(client.Email);
    }

    [Fact]
    public async Task Me_WithoutCookies_Returns401()
    {
        var client = new CookieClient(factory);

        var me = await client.SendAsync(HttpMethod.Get, "me");

        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_InvalidBearerHeaderWithValidCookie_DoesNotFallBackToTheCookie()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();

        var me = await client.SendAsync(HttpMethod.Get, "me", configure: r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token"));

        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await me.JsonAsync())["code"]!.GetValue<string>().Should().Be("unauthenticated");
    }

    [Fact]
    public async Task Me_BearerHeaderAndAnotherUsersCookie_TheBearerWins()
    {
        var alice = new CookieClient(factory);
        await alice.RegisterAsync();
        var bob = new CookieClient(factory);
        await bob.RegisterAsync();

        var me = await alice.SendAsync(HttpMethod.Get, "me", configure: r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bob.Cookies[Access]));

        (await me.JsonAsync())["email"]!.GetValue<string>().Should().Be(bob.Email);
    }

    [Fact]
    public async Task Refresh_CookieMode_RotatesTheCookiesAndAnswersWithoutTokens()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        var oldAccess = client.Cookies[Access];
        var oldRefresh = client.Cookies[Refresh];
        var oldCsrf = client.Cookies[Csrf];

        var refresh = await client.SendAsync(HttpMethod.Post, "refresh");

        refresh.StatusCode.Should().Be(HttpStatusCode.OK);
        refresh.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = await refresh.JsonAsync();
        body.Select(p => p.Key).Should().BeEquivalentTo(["token_type", "expires_in"]);
        client.Cookies[Access].Should().NotBe(oldAccess);
        client.Cookies[Refresh].Should().NotBe(oldRefresh);
        client.Cookies[Csrf].Should().Be(oldCsrf, "the session is the same, so its CSRF token stays valid");
        client.SetCookie(Refresh).Path.Value.Should().Be("/api/v1/auth");
        (await client.SendAsync(HttpMethod.Get, "me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_ReplayedRefreshCookie_Returns401AndClearsTheCookies()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        var oldRefresh = client.Cookies[Refresh];
        (await client.SendAsync(HttpMethod.Post, "refresh")).StatusCode.Should().Be(HttpStatusCode.OK);
        client.Cookies[Refresh] = oldRefresh;

        var replay = await client.SendAsync(HttpMethod.Post, "refresh");

        replay.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        client.Cookies.Should().BeEmpty();
    }

    [Fact]
    public async Task Refresh_WithoutRefreshCookie_Returns401InvalidCredentials()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        client.Cookies.Remove(Refresh);

        var refresh = await client.SendAsync(HttpMethod.Post, "refresh");

        refresh.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await refresh.JsonAsync())["code"]!.GetValue<string>().Should().Be("invalid_credentials");
    }

    [Fact]
    public async Task Refresh_CookieModeWithBodyToken_IgnoresTheBody()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        var refreshToken = client.Cookies[Refresh];
        client.Cookies.Remove(Refresh);

        var refresh = await client.SendAsync(HttpMethod.Post, "refresh", new { refresh_token = refreshToken });

        refresh.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_CookieMode_ClearsEveryCookieWithMatchingAttributes()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        var access = client.Cookies[Access];

        var logout = await client.SendAsync(HttpMethod.Post, "logout");

        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        ShouldClearAllCookies(client);
        var after = await client.SendAsync(HttpMethod.Get, "me", configure: r => r.Headers.Add("Cookie", $"{Access}={access}"));
        after.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the session's access token is revoked");
    }

    [Fact]
    public async Task Logout_WithOnlyTheRefreshCookie_EndsThatSession()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        var refresh = client.Cookies[Refresh];
        client.Cookies.Remove(Access);

        var logout = await client.SendAsync(HttpMethod.Post, "logout");

        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        ShouldClearAllCookies(client);
        client.Cookies[Refresh] = refresh;
        client.Cookies[Csrf] = client.CsrfToken!;
        (await client.SendAsync(HttpMethod.Post, "refresh")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RevokeSession_TheCurrentOne_ClearsTheCookies()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        var sessions = await (await client.SendAsync(HttpMethod.Get, "sessions")).Content.ReadAsStringAsync();
        var id = System.Text.Json.Nodes.JsonNode.Parse(sessions)!.AsArray().Single()!["id"]!.GetValue<string>();

        var revoke = await client.SendAsync(HttpMethod.Delete, $"sessions/{id}");

        revoke.StatusCode.Should().Be(HttpStatusCode.NoContent);
        ShouldClearAllCookies(client);
    }

    [Fact]
    public async Task RevokeSession_AnotherOne_KeepsTheCookies()
    {
        var other = new CookieClient(factory);
        await other.RegisterAsync();
        var client = new CookieClient(factory);
        await client.LoginAsync(other.Email);
        var list = System.Text.Json.Nodes.JsonNode.Parse(await (await client.SendAsync(HttpMethod.Get, "sessions")).Content.ReadAsStringAsync())!.AsArray();
        var otherId = list.Single(s => !s!["current"]!.GetValue<bool>())!["id"]!.GetValue<string>();

        var revoke = await client.SendAsync(HttpMethod.Delete, $"sessions/{otherId}");

        revoke.StatusCode.Should().Be(HttpStatusCode.NoContent);
        client.LastSetCookies.Should().BeEmpty();
        (await client.SendAsync(HttpMethod.Get, "me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static void ShouldClearAllCookies(CookieClient client)
    {
        client.LastSetCookies.Select(c => c.Name.Value).Should().BeEquivalentTo([Access, Refresh, Csrf]);
        foreach (var cookie in client.LastSetCookies)
        {
            cookie.Expires.Should().BeBefore(DateTimeOffset.UtcNow, cookie.Name.Value);
            cookie.Secure.Should().BeTrue();
            cookie.SameSite.Should().Be(SameSiteMode.Lax);
            cookie.Path.Value.Should().Be(cookie.Name.Value == Refresh ? "/api/v1/auth" : "/");
            cookie.HttpOnly.Should().Be(cookie.Name.Value != Csrf);
        }

        client.Cookies.Should().BeEmpty();
    }
}
