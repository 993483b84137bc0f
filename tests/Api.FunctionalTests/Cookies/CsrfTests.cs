using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using FullAuth.Api.FunctionalTests.Infrastructure;
using FullAuth.Infrastructure.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FullAuth.Api.FunctionalTests.Cookies;

public sealed class CsrfTests(CookieModeFactory factory) : IClassFixture<CookieModeFactory>
{
    private const string Access = "__Host-fullauth_access";
    private const string Refresh = "__Secure-fullauth_refresh";
    private const string Csrf = "__Host-fullauth_csrf";

    [Fact]
    public async Task CsrfToken_FromSignIn_IsNonceDotHmacOfSessionIdAndNonce()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        var sid = new JsonWebToken(client.Cookies[Access]).GetClaim("sid").Value;

        var parts = client.CsrfToken!.Split('.');

        parts.Should().HaveCount(2);
        var key = KeyDerivation.Derive(FullAuthFactory.TestSecret, KeyDerivation.Csrf);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(sid + parts[0]));
        Base64Url.DecodeFromChars(parts[1]).Should().Equal(expected);
    }

    [Fact]
    public async Task CookiePost_WithValidCsrfToken_Succeeds()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();

        var response = await client.SendAsync(HttpMethod.Post, "sessions/revoke-others");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("POST", "sessions/revoke-others", null)]
    [InlineData("PATCH", "me", "{\"name\":\"Mallory\"}")]
    [InlineData("DELETE", "me", null)]
    [InlineData("POST", "change-password", "{\"current_password\":\"correct horse battery staple\",\"new_password\":\"another fine password 42\"}")]
    public async Task CookieRequest_UnsafeMethodWithoutCsrfHeader_Returns403CsrfFailed(string method, string path, string? body)
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        client.CsrfToken = null;

        var response = await client.SendAsync(new HttpMethod(method), path, body);

        await ShouldBeCsrfFailedAsync(response);
        client.CsrfToken = client.Cookies[Csrf];
        (await client.SendAsync(HttpMethod.Get, "me")).StatusCode.Should().Be(HttpStatusCode.OK, "nothing was changed");
    }

    [Fact]
    public async Task CookiePost_HeaderNotEqualToCookie_Returns403EvenWhenBothAreValidForTheSession()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        var fromSignIn = client.CsrfToken;
        (await client.SendAsync(HttpMethod.Get, "csrf")).StatusCode.Should().Be(HttpStatusCode.OK);
        client.Cookies[Csrf].Should().NotBe(fromSignIn);

        var response = await client.SendAsync(HttpMethod.Post, "sessions/revoke-others");

        await ShouldBeCsrfFailedAsync(response);
    }

    [Fact]
    public async Task CookiePost_ForgedTokenEqualToItsCookie_Returns403()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        var nonce = client.CsrfToken!.Split('.')[0];
        var forged = nonce + "." + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        client.CsrfToken = forged;
        client.Cookies[Csrf] = forged;

        var response = await client.SendAsync(HttpMethod.Post, "sessions/revoke-others");

        await ShouldBeCsrfFailedAsync(response);
    }

    [Fact]
    public async Task CookiePost_TokenOfAnotherSessionOfTheSameUser_Returns403()
    {
        var first = new CookieClient(factory);
        await first.RegisterAsync();
        var second = new CookieClient(factory);
        await second.LoginAsync(first.Email);
        first.CsrfToken = second.CsrfToken;
        first.Cookies[Csrf] = second.Cookies[Csrf];

        var response = await first.SendAsync(HttpMethod.Post, "sessions/revoke-others");

        await ShouldBeCsrfFailedAsync(response);
    }

    [Fact]
    public async Task CookieGet_WithoutCsrfHeader_Succeeds()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        client.CsrfToken = null;

        (await client.SendAsync(HttpMethod.Get, "me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task BearerPost_WithoutCsrfToken_IsExempt()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        var bearer = new CookieClient(factory, origin: null);

        var response = await bearer.SendAsync(HttpMethod.Post, "sessions/revoke-others", configure: r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Cookies[Access]));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_WithoutCsrfHeader_Returns403AndKeepsTheRefreshTokenUsable()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        var token = client.CsrfToken;
        client.CsrfToken = null;

        await ShouldBeCsrfFailedAsync(await client.SendAsync(HttpMethod.Post, "refresh"));

        client.CsrfToken = token;
        (await client.SendAsync(HttpMethod.Post, "refresh")).StatusCode.Should().Be(HttpStatusCode.OK, "the refused request did not rotate the token");
    }

    [Fact]
    public async Task Refresh_WithOnlyRefreshCookieAndTokenOfAnotherSession_Returns403()
    {
        var first = new CookieClient(factory);
        await first.RegisterAsync();
        var second = new CookieClient(factory);
        await second.LoginAsync(first.Email);
        first.Cookies.Remove(Access);
        first.CsrfToken = second.CsrfToken;
        first.Cookies[Csrf] = second.Cookies[Csrf];

        await ShouldBeCsrfFailedAsync(await first.SendAsync(HttpMethod.Post, "refresh"));
    }

    [Fact]
    public async Task Logout_WithoutCsrfHeader_Returns403AndTheSessionLives()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        var token = client.CsrfToken;
        client.CsrfToken = null;

        await ShouldBeCsrfFailedAsync(await client.SendAsync(HttpMethod.Post, "logout"));

        client.CsrfToken = token;
        (await client.SendAsync(HttpMethod.Get, "me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_WithOnlyRefreshCookieAndNoCsrfHeader_Returns403()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        client.Cookies.Remove(Access);
        client.CsrfToken = null;

        await ShouldBeCsrfFailedAsync(await client.SendAsync(HttpMethod.Post, "logout"));
    }

    [Fact]
    public async Task CsrfEndpoint_WithoutCookies_IssuesATokenThatSatisfiesNothing()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        var anonymous = new CookieClient(factory);

        var response = await anonymous.SendAsync(HttpMethod.Get, "csrf");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var unbound = (await response.JsonAsync())["csrf_token"]!.GetValue<string>();
        anonymous.Cookies[Csrf].Should().Be(unbound);
        client.CsrfToken = unbound;
        client.Cookies[Csrf] = unbound;
        await ShouldBeCsrfFailedAsync(await client.SendAsync(HttpMethod.Post, "sessions/revoke-others"));
    }

    [Fact]
    public async Task CsrfEndpoint_WithAccessCookie_BindsToThatSession()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        client.CsrfToken = null;
        client.Cookies.Remove(Csrf);

        var response = await client.SendAsync(HttpMethod.Get, "csrf");
        client.CsrfToken = (await response.JsonAsync())["csrf_token"]!.GetValue<string>();

        (await client.SendAsync(HttpMethod.Post, "sessions/revoke-others")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CsrfEndpoint_WithOnlyRefreshCookie_BindsToThatSessionSoRefreshWorks()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        client.Cookies.Remove(Access);
        client.Cookies.Remove(Csrf);
        client.CsrfToken = null;

        var response = await client.SendAsync(HttpMethod.Get, "csrf");
        client.CsrfToken = (await response.JsonAsync())["csrf_token"]!.GetValue<string>();

        (await client.SendAsync(HttpMethod.Post, "refresh")).StatusCode.Should().Be(HttpStatusCode.OK);
        client.Cookies.Should().ContainKey(Access);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    [InlineData("https://evil.example")]
    [InlineData("https://app.example.test.evil.example")]
    public async Task Login_CookieModeFromMissingNullOrForeignOrigin_Returns403CsrfFailed(string? origin)
    {
        var owner = new CookieClient(factory);
        await owner.RegisterAsync();
        var attacker = new CookieClient(factory, origin);

        var login = await attacker.LoginAsync(owner.Email);

        await ShouldBeCsrfFailedAsync(login);
        attacker.LastSetCookies.Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://evil.example")]
    public async Task Register_CookieModeFromMissingOrForeignOrigin_Returns403CsrfFailed(string? origin)
    {
        var attacker = new CookieClient(factory, origin);

        var register = await attacker.SendAsync(HttpMethod.Post, "register", new { email = $"x-{Guid.NewGuid():N}@example.com", password = ApiClient.StrongPassword });

        await ShouldBeCsrfFailedAsync(register);
    }

    [Fact]
    public async Task Login_ListedOriginInOtherLetterCase_Succeeds()
    {
        var owner = new CookieClient(factory);
        await owner.RegisterAsync();
        var client = new CookieClient(factory, CookieModeFactory.Origin.ToUpperInvariant());

        (await client.LoginAsync(owner.Email)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task ShouldBeCsrfFailedAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.JsonAsync())["code"]!.GetValue<string>().Should().Be("csrf_failed");
    }
}

public sealed class CsrfDisabledTests(CsrfDisabledFactory factory) : IClassFixture<CsrfDisabledFactory>
{
    [Fact]
    public async Task CookiePost_WithoutCsrfHeaderWhenCsrfDisabled_Succeeds()
    {
        var client = new CookieClient(factory);
        await client.RegisterAsync();
        client.CsrfToken = null;

        (await client.SendAsync(HttpMethod.Post, "sessions/revoke-others")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.SendAsync(HttpMethod.Post, "refresh")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_ForeignOriginWhenCsrfDisabled_StillReturns403()
    {
        var owner = new CookieClient(factory);
        await owner.RegisterAsync();
        var attacker = new CookieClient(factory, "https://evil.example");

        var login = await attacker.LoginAsync(owner.Email);

        login.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
