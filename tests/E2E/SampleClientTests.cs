using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FullAuth.E2E;

/// <summary>
/// samples/web in Chromium against the API in cookie mode on another origin: CORS with credentials,
/// HttpOnly cookies and CSRF tokens as a real browser handles them.
/// </summary>
public sealed class SampleClientTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "correct horse battery staple";

    static SampleClientTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task SampleClient_RegisterLoginMeLogout_WorksAcrossOrigins()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context);
        var email = NewEmail();

        await RegisterAsync(page, email);
        await LoginAsync(page, email);

        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
        await Expect(page.Locator("#sessions tr")).ToHaveCountAsync(1);
        await page.ClickAsync("#logout");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed out.");
        await Expect(page.Locator("#login-form")).ToBeVisibleAsync();
        (await context.CookiesAsync()).Should().NotContain(c => c.Name.StartsWith("fullauth_", StringComparison.Ordinal), "logout clears every cookie");

        await page.ReloadAsync();
        await WaitReadyAsync(page);
        await Expect(page.Locator("#login-form")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Cookies_AsTheBrowserStoresThem_HaveTheDocumentedFlags()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context);
        var email = NewEmail();
        await RegisterAsync(page, email);

        await LoginAsync(page, email);

        var cookies = (await context.CookiesAsync()).ToDictionary(c => c.Name);
        cookies.Keys.Should().BeEquivalentTo(["fullauth_access", "fullauth_refresh", "fullauth_csrf"]);
        cookies.Values.Should().OnlyContain(c => c.Domain == "localhost" && c.SameSite == SameSiteAttribute.Lax);
        cookies.Values.Should().OnlyContain(c => !c.Secure, "Debug serves plain http://localhost");
        cookies.Values.Should().OnlyContain(c => c.Expires == -1, "without remember me they are session cookies");
        cookies["fullauth_access"].HttpOnly.Should().BeTrue();
        cookies["fullauth_access"].Path.Should().Be("/");
        cookies["fullauth_refresh"].HttpOnly.Should().BeTrue();
        cookies["fullauth_refresh"].Path.Should().Be("/api/v1/auth");
        cookies["fullauth_csrf"].HttpOnly.Should().BeFalse();
        cookies["fullauth_csrf"].Path.Should().Be("/");
    }

    [Fact]
    public async Task Cookies_WithRememberMe_LastUntilTheSessionExpires()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context);
        var email = NewEmail();
        await RegisterAsync(page, email);

        await LoginAsync(page, email, rememberMe: true);

        var expected = DateTimeOffset.UtcNow.AddDays(90).ToUnixTimeSeconds();
        foreach (var cookie in await context.CookiesAsync())
        {
            cookie.Expires.Should().BeApproximately(expected, 600, cookie.Name);
        }
    }

    [Fact]
    public async Task PageScript_CannotReadTheAccessOrRefreshCookie()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context);
        var email = NewEmail();
        await RegisterAsync(page, email);
        await LoginAsync(page, email);

        // Cookies ignore ports, so the page on localhost sees the API's script-readable cookie: the CSRF one only.
        var visible = await page.EvaluateAsync<string>("() => document.cookie");

        visible.Should().Contain("fullauth_csrf=");
        visible.Should().NotContain("fullauth_access").And.NotContain("fullauth_refresh");
        var bodyTokens = await page.EvaluateAsync<string>(
            "async api => { const r = await fetch(api + '/api/v1/auth/me', { credentials: 'include' }); return JSON.stringify({ status: r.status, body: await r.text() }); }",
            fixture.Api.Url);
        bodyTokens.Should().Contain("\\\"email\\\"").And.NotContain("access_token").And.NotContain("refresh_token");
    }

    [Fact]
    public async Task UnsafeRequest_WithoutTheCsrfHeader_IsRefusedByTheApi()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context);
        var email = NewEmail();
        await RegisterAsync(page, email);
        await LoginAsync(page, email);

        var result = await page.EvaluateAsync<string>(
            "async api => { const r = await fetch(api + '/api/v1/auth/sessions/revoke-others', { method: 'POST', credentials: 'include' }); return JSON.stringify({ status: r.status, body: await r.json() }); }",
            fixture.Api.Url);

        using var json = JsonDocument.Parse(result);
        json.RootElement.GetProperty("status").GetInt32().Should().Be(403);
        json.RootElement.GetProperty("body").GetProperty("code").GetString().Should().Be("csrf_failed");
    }

    [Fact]
    public async Task ForeignOrigin_CannotReadApiResponsesWithTheUsersCookies()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context);
        var email = NewEmail();
        await RegisterAsync(page, email);
        await LoginAsync(page, email);
        var foreign = await context.NewPageAsync();
        await foreign.GotoAsync(fixture.ForeignPageUrl + "style.css");

        var result = await foreign.EvaluateAsync<string>(
            "async api => { try { const r = await fetch(api + '/api/v1/auth/me', { credentials: 'include' }); return 'read:' + r.status; } catch (e) { return 'blocked'; } }",
            fixture.Api.Url);
        var login = await foreign.EvaluateAsync<string>(
            "async ([api, email]) => { try { const r = await fetch(api + '/api/v1/auth/login', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ email, password: 'x' }) }); return 'read:' + r.status; } catch (e) { return 'blocked'; } }",
            new[] { fixture.Api.Url, email });

        result.Should().Be("blocked");
        login.Should().Be("blocked");
    }

    [Fact]
    public async Task Sessions_ListedAndRevokedFromThePage_SignTheOtherBrowserOut()
    {
        BrowserFixture.RequireChromium();
        await using var laptop = await fixture.Browser.NewContextAsync();
        await using var phone = await fixture.Browser.NewContextAsync();
        var laptopPage = await OpenAsync(laptop);
        var phonePage = await OpenAsync(phone);
        var email = NewEmail();
        await RegisterAsync(laptopPage, email);
        await LoginAsync(phonePage, email);
        await LoginAsync(laptopPage, email);

        await Expect(laptopPage.Locator("#sessions tr")).ToHaveCountAsync(2);
        await laptopPage.Locator("#sessions tr:not(.current) button.revoke").ClickAsync();

        await Expect(laptopPage.Locator("#status")).ToHaveTextAsync("Session revoked.");
        await Expect(laptopPage.Locator("#sessions tr")).ToHaveCountAsync(1);
        await phonePage.ReloadAsync();
        await WaitReadyAsync(phonePage);
        await Expect(phonePage.Locator("#login-form")).ToBeVisibleAsync();

        await laptopPage.Locator("#sessions tr.current button.revoke").ClickAsync();
        await Expect(laptopPage.Locator("#login-form")).ToBeVisibleAsync();
        (await laptop.CookiesAsync()).Should().BeEmpty("revoking the current session clears the cookies");
    }

    [Fact]
    public async Task ChangePassword_FromThePage_SignsOutOtherSessionsAndTheNewPasswordWorks()
    {
        BrowserFixture.RequireChromium();
        await using var laptop = await fixture.Browser.NewContextAsync();
        await using var phone = await fixture.Browser.NewContextAsync();
        var laptopPage = await OpenAsync(laptop);
        var phonePage = await OpenAsync(phone);
        var email = NewEmail();
        const string newPassword = "a brand new passphrase 2026";
        await RegisterAsync(laptopPage, email);
        await LoginAsync(phonePage, email);
        await LoginAsync(laptopPage, email);

        await laptopPage.FillAsync("#current-password", Password);
        await laptopPage.FillAsync("#new-password", newPassword);
        await laptopPage.ClickAsync("#password-submit");

        await Expect(laptopPage.Locator("#status")).ToHaveTextAsync("Password changed; your other sessions were signed out.");
        await Expect(laptopPage.Locator("#sessions tr")).ToHaveCountAsync(1);
        await phonePage.ReloadAsync();
        await WaitReadyAsync(phonePage);
        await Expect(phonePage.Locator("#login-form")).ToBeVisibleAsync();
        await laptopPage.ClickAsync("#logout");
        await Expect(laptopPage.Locator("#login-form")).ToBeVisibleAsync();
        await LoginAsync(laptopPage, email, password: newPassword);
    }

    [Fact]
    public async Task ExpiredAccessCookie_PageRefreshesThroughTheRefreshCookieAfterAReload()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context);
        var email = NewEmail();
        await RegisterAsync(page, email);
        await LoginAsync(page, email);
        var before = (await context.CookiesAsync()).Single(c => c.Name == "fullauth_refresh").Value;

        await context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = "fullauth_access" });
        await page.ReloadAsync();
        await WaitReadyAsync(page);

        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
        var cookies = await context.CookiesAsync();
        cookies.Should().Contain(c => c.Name == "fullauth_access");
        cookies.Single(c => c.Name == "fullauth_refresh").Value.Should().NotBe(before, "the refresh token was rotated");
    }

    private static string NewEmail() => $"e2e-{Guid.NewGuid():N}@example.com";

    private async Task<IPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.PageUrl);
        await WaitReadyAsync(page);
        return page;
    }

    private static Task WaitReadyAsync(IPage page) =>
        page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    private static async Task RegisterAsync(IPage page, string email)
    {
        await page.FillAsync("#register-email", email);
        await page.FillAsync("#register-password", Password);
        await page.ClickAsync("#register-submit");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Registered: check your email, then log in.");
    }

    private static async Task LoginAsync(IPage page, string email, bool rememberMe = false, string password = Password)
    {
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", password);
        if (rememberMe)
        {
            await page.CheckAsync("#login-remember");
        }

        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
    }
}
