using FullAuth.Api.FunctionalTests.OAuth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FullAuth.E2E;

/// <summary>
/// "Sign in with …" in samples/web through a real OpenID provider (npm oidc-provider) in Chromium:
/// the page asks the API for the authorization URL, the browser logs in at the provider (its login and
/// consent forms), comes back to the page with code and state, and the page completes the callback.
/// </summary>
public sealed class OAuthSampleClientTests : IAsyncLifetime
{
    private OidcServer? _oidc;
    private ApiServer? _api;
    private SampleClientHost? _page;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    static OAuthSampleClientTests() => SetDefaultExpectTimeout(20_000);

    public async ValueTask InitializeAsync()
    {
        if (!BrowserFixture.ChromiumInstalled)
        {
            return;
        }

        var pagePort = SampleClientHost.FreePort();
        var pageUrl = $"http://localhost:{pagePort}/";
        _oidc = new OidcServer { RedirectUris = pageUrl };
        await _oidc.InitializeAsync();
        if (_oidc.Unavailable is not null)
        {
            return;
        }

        _api = new ApiServer(SampleClientHost.FreePort(), $"http://localhost:{pagePort}", new Dictionary<string, string?>
        {
            ["FullAuth:OAuth:RedirectUris:0"] = pageUrl,
            ["FullAuth:OAuth:Oidc:test:Authority"] = _oidc.Issuer,
            ["FullAuth:OAuth:Oidc:test:ClientId"] = OidcServer.ClientId,
            ["FullAuth:OAuth:Oidc:test:ClientSecret"] = OidcServer.ClientSecret,
            ["FullAuth:OAuth:Oidc:test:DisplayName"] = "Test OpenID",
            ["FullAuth:OAuth:Oidc:test:TrustEmailVerified"] = "true",
        });
        _api.StartServer();
        _page = await SampleClientHost.StartAsync(pagePort, _api.Url);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            Timeout = 60_000,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_page is not null)
        {
            await _page.DisposeAsync();
        }

        _api?.Dispose();
        if (_oidc is not null)
        {
            await _oidc.DisposeAsync();
        }
    }

    [Fact]
    public async Task SampleClient_SignInWithOpenIdProvider_SignsInThroughTheProviderPages()
    {
        BrowserFixture.RequireChromium();
        _oidc!.RequireAvailable();
        await using var context = await _browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"http://localhost:{_page!.Port}/");
        await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        var email = $"e2e-oidc-{Guid.NewGuid():N}@example.com";

        await page.ClickAsync("button.oauth-provider[data-provider=oidc-test]");
        await page.FillAsync("input[name=login]", email);
        await page.FillAsync("input[name=password]", "anything");
        await page.ClickAsync("button[type=submit]");
        await page.ClickAsync("button[type=submit]");

        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed in with oidc-test.");
        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
        await Expect(page.Locator("#linked-accounts li[data-provider=oidc-test]")).ToHaveCountAsync(1);
        var cookies = await context.CookiesAsync();
        cookies.Should().Contain(c => c.Name == "fullauth_access" && c.HttpOnly);
        cookies.Should().NotContain(c => c.Name == "fullauth_oauth", "the callback drops the binding cookie");
        page.Url.Should().NotContain("code=", "the page cleans the address bar");
    }
}
