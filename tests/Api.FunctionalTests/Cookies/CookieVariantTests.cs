using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace FullAuth.Api.FunctionalTests.Cookies;

public sealed class DebugCookieModeTests(DebugCookieModeFactory factory) : IClassFixture<DebugCookieModeFactory>
{
    [Fact]
    public async Task Register_DebugMode_UsesPlainNamesWithoutSecure()
    {
        var client = new CookieClient(factory, "https://app.example.test", https: false);

        await client.RegisterAsync();

        client.LastSetCookies.Select(c => c.Name.Value).Should().BeEquivalentTo(["fullauth_access", "fullauth_refresh", "fullauth_csrf"]);
        client.LastSetCookies.Should().OnlyContain(c => !c.Secure);
        client.SetCookie("fullauth_access").HttpOnly.Should().BeTrue();
        client.SetCookie("fullauth_refresh").Path.Value.Should().Be("/api/v1/auth");
        (await client.SendAsync(HttpMethod.Get, "me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

public sealed class DomainCookieModeTests(DomainCookieModeFactory factory) : IClassFixture<DomainCookieModeFactory>
{
    [Fact]
    public async Task Register_WithCookiesDomain_UsesSecurePrefixDomainAndConfiguredSameSite()
    {
        var client = new CookieClient(factory);

        await client.RegisterAsync();

        client.LastSetCookies.Select(c => c.Name.Value).Should().BeEquivalentTo(["__Secure-fullauth_access", "__Secure-fullauth_refresh", "__Secure-fullauth_csrf"]);
        client.LastSetCookies.Should().OnlyContain(c => c.Secure && c.Domain.Value == "example.test" && c.SameSite == SameSiteMode.Strict);
        (await client.SendAsync(HttpMethod.Get, "me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

public sealed class BothModeTests(BothModeFactory factory) : IClassFixture<BothModeFactory>
{
    [Fact]
    public async Task Login_BothModeWithOrigin_GetsCookies()
    {
        var client = new CookieClient(factory);

        var body = await client.RegisterAsync();

        body.ContainsKey("access_token").Should().BeFalse();
        body.ContainsKey("csrf_token").Should().BeTrue();
        client.Cookies.Should().ContainKey("__Host-fullauth_access");
    }

    [Fact]
    public async Task Login_BothModeWithoutOrigin_GetsJsonTokensAndNoCookies()
    {
        var client = new CookieClient(factory, origin: null);

        var register = await client.SendAsync(HttpMethod.Post, "register", new { email = $"json-{Guid.NewGuid():N}@example.com", password = ApiClient.StrongPassword });

        register.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await register.JsonAsync();
        body.ContainsKey("access_token").Should().BeTrue();
        body.ContainsKey("csrf_token").Should().BeFalse();
        client.LastSetCookies.Should().BeEmpty();

        var refresh = await client.SendAsync(HttpMethod.Post, "refresh", new { refresh_token = body["refresh_token"]!.GetValue<string>() });
        refresh.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refresh.JsonAsync()).ContainsKey("refresh_token").Should().BeTrue();
    }

    [Fact]
    public async Task Login_BothModeFromForeignOrigin_Returns403()
    {
        var client = new CookieClient(factory, "https://evil.example");

        var register = await client.SendAsync(HttpMethod.Post, "register", new { email = $"x-{Guid.NewGuid():N}@example.com", password = ApiClient.StrongPassword });

        register.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}

public sealed class JsonModeCookieTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    [Fact]
    public async Task Me_JsonModeWithAccessCookie_IgnoresTheCookie()
    {
        var tokens = await factory.CreateClient().RegisterAndLoginAsync();
        var client = new CookieClient(factory);
        client.Cookies["__Host-fullauth_access"] = tokens["access_token"]!.GetValue<string>();
        client.Cookies["fullauth_access"] = tokens["access_token"]!.GetValue<string>();

        (await client.SendAsync(HttpMethod.Get, "me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_JsonMode_SetsNoCookies()
    {
        var client = new CookieClient(factory);
        var email = $"json-{Guid.NewGuid():N}@example.com";
        await client.SendAsync(HttpMethod.Post, "register", new { email, password = ApiClient.StrongPassword });

        var login = await client.SendAsync(HttpMethod.Post, "login", new { email, password = ApiClient.StrongPassword });

        login.StatusCode.Should().Be(HttpStatusCode.OK);
        client.LastSetCookies.Should().BeEmpty();
        (await login.JsonAsync()).ContainsKey("access_token").Should().BeTrue();
    }
}
