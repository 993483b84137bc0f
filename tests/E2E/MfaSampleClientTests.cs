using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace FullAuth.E2E;

/// <summary>
/// Two-factor authentication in the sample client, in Chromium: set up TOTP from the QR code's secret,
/// turn it on with a code this test computes, then sign in with a code and with a recovery code.
/// </summary>
public sealed class MfaSampleClientTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "correct horse battery staple";

    static MfaSampleClientTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Totp_SetUpInThePage_SignInWithACodeAndWithARecoveryCode()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.PageUrl);
        await WaitReadyAsync(page);
        var email = $"e2e-mfa-{Guid.NewGuid():N}@example.com";

        await page.FillAsync("#register-email", email);
        await page.FillAsync("#register-password", Password);
        await page.ClickAsync("#register-submit");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Registered: check your email, then log in.");
        await FirstFactorAsync(page, email);
        await Expect(page.Locator("#signed-in")).ToBeVisibleAsync();
        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
        await Expect(page.Locator("#mfa-status")).ToHaveTextAsync("off");

        // Setup: the QR code is shown as an SVG image, with the secret to type.
        await page.ClickAsync("#mfa-setup");
        await Expect(page.Locator("#mfa-enroll")).ToBeVisibleAsync();
        (await page.Locator("#mfa-qr").GetAttributeAsync("src")).Should().StartWith("data:image/svg+xml;base64,");
        (await page.Locator("#mfa-qr").EvaluateAsync<int>("img => img.naturalWidth")).Should().BeGreaterThan(0, "the SVG renders");
        var secret = (await page.Locator("#mfa-secret").TextContentAsync())!.Trim();
        secret.Should().MatchRegex("^[A-Z2-7]{32}$");

        await page.FillAsync("#mfa-enable-code", Code(secret, DateTime.UtcNow));
        await page.ClickAsync("#mfa-enable-submit");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Two-factor authentication is on.");
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await Expect(page.Locator("#mfa-status")).ToHaveTextAsync("on");
        var recoveryCode = (await page.Locator("#recovery-codes li").Nth(4).TextContentAsync())!.Trim();

        // Sign in with a code: the password alone sets no cookies and asks for the second factor.
        await LogoutAsync(page);
        await FirstFactorAsync(page, email);
        await Expect(page.Locator("#mfa-form")).ToBeVisibleAsync();
        (await context.CookiesAsync()).Should().NotContain(c => c.Name == "fullauth_access", "the first factor alone starts no session");
        await page.FillAsync("#mfa-code", Code(secret, DateTime.UtcNow.AddSeconds(30)));
        await page.ClickAsync("#mfa-submit");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed in.");
        await Expect(page.Locator("#signed-in")).ToBeVisibleAsync();
        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
        await Expect(page.Locator("#mfa-status")).ToHaveTextAsync("on");
        (await context.CookiesAsync()).Should().Contain(c => c.Name == "fullauth_access");

        // Sign in with a recovery code.
        await LogoutAsync(page);
        await FirstFactorAsync(page, email);
        await Expect(page.Locator("#mfa-form")).ToBeVisibleAsync();
        await page.CheckAsync("#mfa-use-recovery");
        await page.FillAsync("#mfa-code", recoveryCode);
        await page.ClickAsync("#mfa-submit");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed in.");
        await Expect(page.Locator("#signed-in")).ToBeVisibleAsync();

        // A used recovery code does not work twice.
        await LogoutAsync(page);
        await FirstFactorAsync(page, email);
        await page.CheckAsync("#mfa-use-recovery");
        await page.FillAsync("#mfa-code", recoveryCode);
        await page.ClickAsync("#mfa-submit");
        await Expect(page.Locator("#status")).ToContainTextAsync("Wrong code");
        await Expect(page.Locator("#mfa-form")).ToBeVisibleAsync();
    }

    private static string Code(string secret, DateTime at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at);

    private static Task WaitReadyAsync(IPage page) =>
        page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    private static async Task FirstFactorAsync(IPage page, string email)
    {
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", Password);
        await page.ClickAsync("#login-submit");
    }

    private static async Task LogoutAsync(IPage page)
    {
        await page.ClickAsync("#logout");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed out.");
        await Expect(page.Locator("#login-form")).ToBeVisibleAsync();
    }
}
