using System.Globalization;
using FullAuth.Api.FunctionalTests.Email;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FullAuth.E2E;

/// <summary>The API mails over real SMTP with links into the sample client; the browser follows them.</summary>
public sealed class MailBrowserFixture : BrowserFixture
{
    public SmtpSink Smtp { get; private set; } = null!;

    protected override async Task<IReadOnlyDictionary<string, string?>> ApiSettingsAsync(string pageOrigin)
    {
        Smtp = await SmtpSink.StartAsync();
        return MailSettings(Smtp, pageOrigin);
    }

    /// <summary>Mail over real SMTP to <paramref name="smtp"/>, links to the page, magic links on, generous email limits.</summary>
    public static Dictionary<string, string?> MailSettings(SmtpSink smtp, string pageOrigin) => new()
    {
        ["FullAuth:Email:Transport"] = "smtp",
        ["FullAuth:Email:Smtp:Host"] = "127.0.0.1",
        ["FullAuth:Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["FullAuth:Email:Smtp:Security"] = "None",
        ["FullAuth:Email:FrontendUrl"] = pageOrigin,
        ["FullAuth:RateLimits:Email"] = "100",
        ["FullAuth:RateLimits:Confirm"] = "100",
        ["FullAuth:MagicLinks:Enabled"] = "true",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp?.Dispose();
    }
}

public sealed class MailedLinksTests(MailBrowserFixture fixture) : IClassFixture<MailBrowserFixture>
{
    private const string Password = "correct horse battery staple";

    static MailedLinksTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task RegisterThenFollowTheVerificationLink_VerifiesTheAddress()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"verify-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync(fixture.PageUrl);
        await page.FillAsync("#register-email", email);
        await page.FillAsync("#register-password", Password);
        await page.ClickAsync("#register-submit");
        await Expect(page.Locator("#status")).ToContainTextAsync("Registered");

        var mail = await fixture.Smtp.WaitForMailAsync(email, "Verify your email");
        var link = LinkIn(mail.TextBody!, "/verify-email");
        link.Should().StartWith(fixture.PageUrl.TrimEnd('/') + "/verify-email?token=");
        await page.GotoAsync(link);

        await Expect(page.Locator("#status")).ToHaveTextAsync("Your email address is verified. You can close this page.");
        await page.ReloadAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("did not work", new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task ForgotPassword_LinkSetsANewPassword_ThatSignsIn()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"forgot-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync(fixture.PageUrl);
        await page.FillAsync("#register-email", email);
        await page.FillAsync("#register-password", Password);
        await page.ClickAsync("#register-submit");
        await Expect(page.Locator("#status")).ToContainTextAsync("Registered");

        await page.FillAsync("#forgot-email", email);
        await page.ClickAsync("#forgot-submit");
        await Expect(page.Locator("#status")).ToContainTextAsync("reset link is on its way");
        var mail = await fixture.Smtp.WaitForMailAsync(email, "Reset your");
        await page.GotoAsync(LinkIn(mail.TextBody!, "/reset-password"));

        await page.FillAsync("#new-password", "password123");
        await page.ClickAsync("#password-submit");
        await Expect(page.Locator("#status")).ToContainTextAsync("Not accepted");
        await page.FillAsync("#new-password", "a brand new passphrase");
        await page.ClickAsync("#password-submit");
        await Expect(page.Locator("#status")).ToContainTextAsync("Your password is set");

        await page.GotoAsync(fixture.PageUrl);
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", "a brand new passphrase");
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
    }

    [Fact]
    public async Task MagicLink_EmailMeASignInLink_SignsInThroughTheSampleClient()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"magic-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync(fixture.PageUrl);
        await page.FillAsync("#register-email", email);
        await page.FillAsync("#register-password", Password);
        await page.ClickAsync("#register-submit");
        await Expect(page.Locator("#status")).ToContainTextAsync("Registered");

        await Expect(page.Locator("#magic-section")).ToBeVisibleAsync();
        await page.FillAsync("#magic-email", email);
        await page.ClickAsync("#magic-submit");
        await Expect(page.Locator("#status")).ToContainTextAsync("sign-in link is on its way");
        var mail = await fixture.Smtp.WaitForMailAsync(email, "sign-in link");
        await page.GotoAsync(LinkIn(mail.TextBody!, "/magic-link"));

        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
        (await context.CookiesAsync()).Select(c => c.Name).Should().Contain("fullauth_access");
    }

    private static string LinkIn(string text, string path)
    {
        var start = text.IndexOf("http", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            var candidate = text[start..end];
            if (candidate.Contains(path + "?token=", StringComparison.Ordinal))
            {
                return candidate;
            }

            start = text.IndexOf("http", end, StringComparison.Ordinal);
        }

        throw new InvalidOperationException($"No {path} link in: {text}");
    }
}
