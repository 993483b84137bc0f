using System.Buffers.Text;
using System.Formats.Asn1;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FullAuth.Api.FunctionalTests.Email;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace FullAuth.E2E;

/// <summary>The API with passkeys on (RP ID <c>localhost</c>, the page's origin allowed by default).</summary>
public class PasskeyBrowserFixture : BrowserFixture
{
    protected override Task<IReadOnlyDictionary<string, string?>> ApiSettingsAsync(string pageOrigin) =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["FullAuth:Passkeys:RpId"] = "localhost",
            ["FullAuth:RateLimits:Passkey"] = "100",
        });
}

/// <summary>
/// Passkeys in the sample client, in Chromium with the CDP virtual authenticator (a CTAP 2.1 platform
/// authenticator with resident keys and user verification) against the real API in cookie mode:
/// add a passkey from the account page, sign in with it (discoverable and with an email), the three
/// algorithms the API offers, and assertions the API must refuse.
/// </summary>
public sealed class PasskeySampleClientTests(PasskeyBrowserFixture fixture) : IClassFixture<PasskeyBrowserFixture>
{
    static PasskeySampleClientTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Passkey_AddedInThePage_SignsInWithoutAnEmail_AsTwoFactors()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var (page, authenticator) = await Passkeys.OpenAsync(context, fixture.PageUrl);
        var email = Passkeys.NewEmail();
        await Expect(page.Locator("#passkey-section")).ToBeVisibleAsync();
        await Passkeys.RegisterAndLoginAsync(page, email);
        await Expect(page.Locator("#passkeys-section")).ToBeVisibleAsync();
        await Expect(page.Locator("#passkeys-empty")).ToBeVisibleAsync();

        await Passkeys.AddAsync(page, "Laptop");

        var row = page.Locator("#passkeys tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td.passkey-name")).ToHaveTextAsync("Laptop");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("never");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("no");
        var credential = (await authenticator.CredentialsAsync()).Should().ContainSingle().Subject;
        credential.IsResident.Should().BeTrue("the API asks for a resident key");
        credential.RpId.Should().Be("localhost");
        credential.Algorithm.Should().Be("EdDSA", "the API offers EdDSA first and Chromium supports it");
        (await row.GetAttributeAsync("data-credential-id")).Should().Be(credential.CredentialId);

        await Passkeys.LogoutAsync(page);
        await page.FillAsync("#login-email", string.Empty);
        var complete = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#passkey-signin"), Passkeys.IsPost("/passkeys/authenticate/complete"));

        complete.Status.Should().Be(200);
        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed in.");
        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
        (await context.CookiesAsync()).Should().Contain(c => c.Name == "fullauth_access");
        var amr = await Passkeys.CurrentSessionAmrAsync(page, fixture.Api.Url);
        amr.Should().BeEquivalentTo(["webauthn", "mfa"], "the authenticator verified the user");
        await Expect(page.Locator("#sessions tr.current td").Nth(4)).ToHaveTextAsync("webauthn, mfa");
        await Expect(row.Locator("td").Nth(2)).Not.ToHaveTextAsync("never");

        // Rename and remove from the page (the account still has its password).
        await row.Locator("button.passkey-rename").ClickAsync();
        await row.Locator("input.passkey-rename-input").FillAsync("Work laptop");
        await row.Locator("button.passkey-rename-save").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Passkey renamed.");
        await Expect(row.Locator("td.passkey-name")).ToHaveTextAsync("Work laptop");
        await row.Locator("button.passkey-remove").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Passkey removed.");
        await Expect(page.Locator("#passkeys tr")).ToHaveCountAsync(0);
        await Expect(page.Locator("#passkeys-empty")).ToBeVisibleAsync();

        // The credential is still on the authenticator, but the API no longer knows it.
        await Passkeys.LogoutAsync(page);
        await page.ClickAsync("#passkey-signin");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Passkey sign-in failed: this passkey was not recognised.");
        await Expect(page.Locator("#signed-out")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(-7, "ES256")]
    [InlineData(-257, "RS256")]
    public async Task Passkey_WithEachOfferedAlgorithm_RegistersAndSignsIn(int alg, string expected)
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var (page, authenticator) = await Passkeys.OpenAsync(context, fixture.PageUrl, restrictToAlg: alg);
        var email = Passkeys.NewEmail();
        await Passkeys.RegisterAndLoginAsync(page, email);

        var request = await page.RunAndWaitForRequestAsync(() => Passkeys.AddAsync(page, expected), Passkeys.IsPostRequest("/passkeys/register/complete"));

        (await page.EvaluateAsync<string>("() => window.__offeredAlgs")).Should().Be("[-8,-7,-257]");
        using (var sent = JsonDocument.Parse(request.PostData!))
        {
            sent.RootElement.GetProperty("credential").GetProperty("response").GetProperty("publicKeyAlgorithm").GetInt32().Should().Be(alg);
        }

        var credential = (await authenticator.CredentialsAsync()).Should().ContainSingle().Subject;
        credential.Algorithm.Should().Be(expected);
        await Expect(page.Locator("#passkeys tr td.passkey-name")).ToHaveTextAsync(expected);

        await Passkeys.LogoutAsync(page);
        await page.FillAsync("#login-email", string.Empty);
        await page.ClickAsync("#passkey-signin");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed in.");
        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
        await Expect(page.Locator("#passkeys tr td").Nth(2)).Not.ToHaveTextAsync("never");
        (await authenticator.CredentialsAsync()).Single().SignCount.Should().Be(2, "one registration and one assertion");
    }

    [Fact]
    public async Task Passkey_BogusSignatureOrNoUserPresence_IsRefused_ThenAGoodAssertionSignsIn()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var (page, authenticator) = await Passkeys.OpenAsync(context, fixture.PageUrl);
        var email = Passkeys.NewEmail();
        await Passkeys.RegisterAndLoginAsync(page, email);
        await Passkeys.AddAsync(page, "Phone");
        await Passkeys.LogoutAsync(page);
        await page.FillAsync("#login-email", string.Empty);

        foreach (var bit in new[] { "isBogusSignature", "isBadUP" })
        {
            await authenticator.OverrideBitsAsync(bit);
            await page.EvaluateAsync("() => { document.getElementById('status').textContent = ''; }");
            var complete = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#passkey-signin"), Passkeys.IsPost("/passkeys/authenticate/complete"));
            complete.Status.Should().Be(401, bit);
            using (var problem = JsonDocument.Parse(await Passkeys.BodyAsync(complete)))
            {
                problem.RootElement.GetProperty("code").GetString().Should().Be("invalid_credentials", bit);
            }
            await Expect(page.Locator("#status")).ToHaveTextAsync("Passkey sign-in failed: this passkey was not recognised.");
            await Expect(page.Locator("#signed-out")).ToBeVisibleAsync();
            (await context.CookiesAsync()).Should().NotContain(c => c.Name == "fullauth_access", bit);
            (await page.EvaluateAsync<int>("async api => (await fetch(api + '/api/v1/auth/me', { credentials: 'include' })).status", fixture.Api.Url))
                .Should().Be(401, bit);
        }

        await authenticator.OverrideBitsAsync();
        await page.ClickAsync("#passkey-signin");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed in.");
        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
    }

    [Fact]
    public async Task Passkey_WithTheEmailTyped_SignsInThatAccountOnly()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var (page, _) = await Passkeys.OpenAsync(context, fixture.PageUrl);
        var email = Passkeys.NewEmail();
        var other = Passkeys.NewEmail();
        await Passkeys.RegisterAsync(page, other);
        await Passkeys.RegisterAndLoginAsync(page, email);
        await Passkeys.AddAsync(page, "Laptop");
        await Passkeys.LogoutAsync(page);

        // Enumeration prevention is on (the default): the options name no credential for any address.
        await page.FillAsync("#login-email", email.ToUpperInvariant());
        var begin = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#passkey-signin"), Passkeys.IsPost("/passkeys/authenticate/begin"));
        using (var options = JsonDocument.Parse(await Passkeys.BodyAsync(begin)))
        {
            options.RootElement.GetProperty("allowCredentials").GetArrayLength().Should().Be(0);
            options.RootElement.GetProperty("rpId").GetString().Should().Be("localhost");
        }

        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed in.");
        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);

        // The challenge is bound to the typed address: this passkey does not sign in another account.
        await Passkeys.LogoutAsync(page);
        await page.FillAsync("#login-email", other);
        await page.ClickAsync("#passkey-signin");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Passkey sign-in failed: this passkey was not recognised.");
        await Expect(page.Locator("#signed-out")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Passkey_WithoutUserVerification_OnATotpAccount_AsksForTheCode()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var (page, authenticator) = await Passkeys.OpenAsync(context, fixture.PageUrl);
        var email = Passkeys.NewEmail();
        await Passkeys.RegisterAndLoginAsync(page, email);
        await page.ClickAsync("#mfa-setup");
        await Expect(page.Locator("#mfa-secret")).ToHaveTextAsync(new Regex("^[A-Z2-7]{32}$"));
        var secret = (await page.Locator("#mfa-secret").TextContentAsync())!.Trim();
        await page.FillAsync("#mfa-enable-code", Code(secret, DateTime.UtcNow));
        await page.ClickAsync("#mfa-enable-submit");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Two-factor authentication is on.");
        await Passkeys.AddAsync(page, "Laptop");
        await Passkeys.LogoutAsync(page);
        await page.FillAsync("#login-email", string.Empty);

        // The assertion comes back without the UV flag (UserVerification is "preferred"): one factor.
        // (An authenticator without UV at all cannot use a discoverable passkey: Chromium protects resident
        // credentials with credProtect, so the get() without allowCredentials would find none.)
        await authenticator.OverrideBitsAsync("isBadUV");
        await page.ClickAsync("#passkey-signin");

        await Expect(page.Locator("#mfa-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Enter your two-factor code.");
        (await context.CookiesAsync()).Should().NotContain(c => c.Name == "fullauth_access", "one factor starts no session");
        await page.FillAsync("#mfa-code", Code(secret, DateTime.UtcNow.AddSeconds(30)));
        await page.ClickAsync("#mfa-submit");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed in.");
        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
        (await Passkeys.CurrentSessionAmrAsync(page, fixture.Api.Url)).Should().Contain(["webauthn", "otp", "mfa"]);
    }

    private static string Code(string secret, DateTime at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at);
}

/// <summary>The API with enumeration prevention off: passkey begin with an email lists the account's credentials.</summary>
public sealed class PasskeyListedCredentialsFixture : PasskeyBrowserFixture
{
    protected override async Task<IReadOnlyDictionary<string, string?>> ApiSettingsAsync(string pageOrigin) =>
        new Dictionary<string, string?>(await base.ApiSettingsAsync(pageOrigin))
        {
            ["FullAuth:PreventEnumeration"] = "false",
        };
}

public sealed class PasskeyListedCredentialsTests(PasskeyListedCredentialsFixture fixture) : IClassFixture<PasskeyListedCredentialsFixture>
{
    static PasskeyListedCredentialsTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Passkey_WithTheEmailTyped_OptionsListTheAccountsCredential_AndSignIn()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var (page, authenticator) = await Passkeys.OpenAsync(context, fixture.PageUrl);
        var email = Passkeys.NewEmail();

        // Without enumeration prevention, registration signs in at once.
        await page.FillAsync("#register-email", email);
        await page.FillAsync("#register-password", Passkeys.Password);
        await page.ClickAsync("#register-submit");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Registered and signed in.");
        await Passkeys.AddAsync(page, "Laptop");
        var credentialId = (await authenticator.CredentialsAsync()).Single().CredentialId;
        await Passkeys.LogoutAsync(page);

        await page.FillAsync("#login-email", email);
        var begin = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#passkey-signin"), Passkeys.IsPost("/passkeys/authenticate/begin"));

        using (var options = JsonDocument.Parse(await Passkeys.BodyAsync(begin)))
        {
            var allowed = options.RootElement.GetProperty("allowCredentials").EnumerateArray().Should().ContainSingle().Subject;
            allowed.GetProperty("id").GetString().Should().Be(credentialId);
            allowed.GetProperty("type").GetString().Should().Be("public-key");
        }

        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed in.");
        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
        (await Passkeys.CurrentSessionAmrAsync(page, fixture.Api.Url)).Should().BeEquivalentTo(["webauthn", "mfa"]);
    }
}

/// <summary>The API with a one-second re-authentication window: every sign-in is soon too old to add a passkey.</summary>
public sealed class PasskeyStaleSignInFixture : PasskeyBrowserFixture
{
    protected override async Task<IReadOnlyDictionary<string, string?>> ApiSettingsAsync(string pageOrigin) =>
        new Dictionary<string, string?>(await base.ApiSettingsAsync(pageOrigin))
        {
            ["FullAuth:Security:ReauthenticationWindow"] = "00:00:01",
        };
}

public sealed class PasskeyStaleSignInTests(PasskeyStaleSignInFixture fixture) : IClassFixture<PasskeyStaleSignInFixture>
{
    static PasskeyStaleSignInTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task AddPasskey_AfterTheReauthenticationWindow_TellsTheUserToSignInAgain()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var (page, authenticator) = await Passkeys.OpenAsync(context, fixture.PageUrl);
        await Passkeys.RegisterAndLoginAsync(page, Passkeys.NewEmail());
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var begin = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#passkey-add"), Passkeys.IsPost("/passkeys/register/begin"));

        begin.Status.Should().Be(403);
        await Expect(page.Locator("#status")).ToHaveTextAsync("Adding a passkey needs a recent sign-in: log out, sign in again, then add it.");
        using (var problem = JsonDocument.Parse(await Passkeys.BodyAsync(begin)))
        {
            problem.RootElement.GetProperty("code").GetString().Should().Be("reauthentication_required");
        }

        (await authenticator.CredentialsAsync()).Should().BeEmpty("no ceremony started");
        await Expect(page.Locator("#passkeys-empty")).ToBeVisibleAsync();
    }
}

/// <summary>Passkeys plus magic links over real SMTP: accounts without a password, whose passkey may be the only way in.</summary>
public sealed class PasskeyMailFixture : PasskeyBrowserFixture
{
    public SmtpSink Smtp { get; private set; } = null!;

    protected override async Task<IReadOnlyDictionary<string, string?>> ApiSettingsAsync(string pageOrigin)
    {
        Smtp = await SmtpSink.StartAsync();
        var settings = new Dictionary<string, string?>(await base.ApiSettingsAsync(pageOrigin));
        foreach (var (key, value) in MailBrowserFixture.MailSettings(Smtp, pageOrigin))
        {
            settings[key] = value;
        }

        settings["FullAuth:MagicLinks:AllowSignUp"] = "true";
        return settings;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp?.Dispose();
    }
}

public sealed class PasskeyOnlyAccountTests(PasskeyMailFixture fixture) : IClassFixture<PasskeyMailFixture>
{
    static PasskeyOnlyAccountTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task PasskeyOnlyAccount_CannotRemoveItsLastPasskey_NorAddTheSameAuthenticatorTwice_AndSignsInWithIt()
    {
        BrowserFixture.RequireChromium();
        await using var context = await fixture.Browser.NewContextAsync();
        var (page, authenticator) = await Passkeys.OpenAsync(context, fixture.PageUrl);
        var email = Passkeys.NewEmail();

        // A first-time magic-link sign-in creates an account without a password.
        await page.FillAsync("#magic-email", email);
        await page.ClickAsync("#magic-submit");
        await Expect(page.Locator("#status")).ToContainTextAsync("sign-in link is on its way");
        var mail = await fixture.Smtp.WaitForMailAsync(email, "sign-in link");
        var link = Regex.Match(mail.TextBody!, @"http\S*/magic-link\?token=\S+").Value;
        await page.GotoAsync(link);
        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
        await page.GotoAsync(fixture.PageUrl);
        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
        await Passkeys.AddAsync(page, "Only key");

        await page.ClickAsync("#passkeys tr button.passkey-remove");
        await Expect(page.Locator("#status")).ToHaveTextAsync(
            "Cannot remove this passkey: it is the only way into your account. Set a password or add another passkey first.");
        await Expect(page.Locator("#passkeys tr")).ToHaveCountAsync(1);

        // The options exclude the credential this authenticator already holds.
        await page.ClickAsync("#passkey-add");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Adding a passkey failed: this device already holds a passkey for your account.");
        (await authenticator.CredentialsAsync()).Should().ContainSingle();

        await Passkeys.LogoutAsync(page);
        await page.ClickAsync("#passkey-signin");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed in.");
        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
        await Expect(page.Locator("#passkeys tr td.passkey-name")).ToHaveTextAsync("Only key");
    }
}

/// <summary>Page steps and the CDP virtual authenticator, shared by the passkey test classes.</summary>
internal static class Passkeys
{
    public const string Password = "correct horse battery staple";

    public static string NewEmail() => $"e2e-passkey-{Guid.NewGuid():N}@example.com";

    /// <summary>
    /// A page with its own virtual authenticator. With <paramref name="restrictToAlg"/> the page keeps only
    /// that algorithm of the offered <c>pubKeyCredParams</c> (and records the offered list in
    /// <c>window.__offeredAlgs</c>) before <c>create()</c>: Chromium would otherwise pick the first, EdDSA.
    /// </summary>
    public static async Task<(IPage Page, VirtualAuthenticator Authenticator)> OpenAsync(
        IBrowserContext context, string url, int? restrictToAlg = null)
    {
        var page = await context.NewPageAsync();
        if (restrictToAlg is { } alg)
        {
            await page.AddInitScriptAsync($$"""
                (() => {
                  const parse = PublicKeyCredential.parseCreationOptionsFromJSON.bind(PublicKeyCredential);
                  PublicKeyCredential.parseCreationOptionsFromJSON = (json) => {
                    window.__offeredAlgs = JSON.stringify(json.pubKeyCredParams.map((p) => p.alg));
                    return parse({ ...json, pubKeyCredParams: json.pubKeyCredParams.filter((p) => p.alg === {{alg}}) });
                  };
                })();
                """);
        }

        var authenticator = await VirtualAuthenticator.AddAsync(page);
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        return (page, authenticator);
    }

    public static async Task RegisterAsync(IPage page, string email)
    {
        await page.FillAsync("#register-email", email);
        await page.FillAsync("#register-password", Password);
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#register-submit"), IsPost("/register"));
        response.Status.Should().Be(202);
        await Expect(page.Locator("#status")).ToHaveTextAsync("Registered: check your email, then log in.");
    }

    /// <summary>Registers, then signs in with the password (a recent sign-in, as adding a passkey needs).</summary>
    public static async Task RegisterAndLoginAsync(IPage page, string email)
    {
        await RegisterAsync(page, email);
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", Password);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#me-email")).ToHaveTextAsync(email);
    }

    public static async Task AddAsync(IPage page, string name)
    {
        await page.FillAsync("#passkey-name", name);
        await page.ClickAsync("#passkey-add");
        await Expect(page.Locator("#status")).ToHaveTextAsync($"Passkey \"{name}\" added.");
    }

    public static async Task LogoutAsync(IPage page)
    {
        await page.ClickAsync("#logout");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed out.");
        await Expect(page.Locator("#signed-out")).ToBeVisibleAsync();
    }

    public static Func<IResponse, bool> IsPost(string path) =>
        response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == "/api/v1/auth" + path;

    public static Func<IRequest, bool> IsPostRequest(string path) =>
        request => request.Method == "POST" && new Uri(request.Url).AbsolutePath == "/api/v1/auth" + path;

    /// <summary>
    /// A response's body, bounded: Chromium only has it once the page has read it, and Playwright would
    /// otherwise wait forever for a body the page never consumed.
    /// </summary>
    public static Task<string> BodyAsync(IResponse response) => response.TextAsync().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>The <c>amr</c> of the current session, as GET /sessions reports it to the page.</summary>
    public static async Task<string[]> CurrentSessionAmrAsync(IPage page, string apiUrl)
    {
        var json = await page.EvaluateAsync<string>(
            "async api => { const r = await fetch(api + '/api/v1/auth/sessions', { credentials: 'include' }); return await r.text(); }",
            apiUrl);
        using var sessions = JsonDocument.Parse(json);
        return sessions.RootElement.EnumerateArray()
            .Single(s => s.GetProperty("current").GetBoolean())
            .GetProperty("amr").EnumerateArray().Select(a => a.GetString()!).ToArray();
    }
}

/// <summary>A credential held by the virtual authenticator (<c>WebAuthn.getCredentials</c>).</summary>
internal sealed record AuthenticatorCredential(string CredentialId, bool IsResident, string RpId, string Algorithm, int SignCount);

/// <summary>The CDP <c>WebAuthn</c> virtual authenticator of one page (WEBAUTHN.md §7.2).</summary>
internal sealed class VirtualAuthenticator(ICDPSession cdp, string id)
{
    public static async Task<VirtualAuthenticator> AddAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["ctap2Version"] = "ctap2_1",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return new VirtualAuthenticator(cdp, added!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary>Sets the named response override bits; every call resets the others (none named: all off).</summary>
    public async Task OverrideBitsAsync(params string[] bits)
    {
        var args = new Dictionary<string, object> { ["authenticatorId"] = id };
        foreach (var bit in new[] { "isBogusSignature", "isBadUV", "isBadUP" })
        {
            args[bit] = bits.Contains(bit);
        }

        await cdp.SendAsync("WebAuthn.setResponseOverrideBits", args);
    }

    public async Task<IReadOnlyList<AuthenticatorCredential>> CredentialsAsync()
    {
        var result = await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = id });
        return result!.Value.GetProperty("credentials").EnumerateArray().Select(c => new AuthenticatorCredential(
            Base64Url.EncodeToString(Convert.FromBase64String(c.GetProperty("credentialId").GetString()!)),
            c.GetProperty("isResidentCredential").GetBoolean(),
            c.GetProperty("rpId").GetString()!,
            KeyAlgorithm(Convert.FromBase64String(c.GetProperty("privateKey").GetString()!)),
            c.GetProperty("signCount").GetInt32())).ToList();
    }

    /// <summary>The COSE name of a PKCS#8 private key's algorithm (its AlgorithmIdentifier).</summary>
    private static string KeyAlgorithm(byte[] pkcs8)
    {
        var info = new AsnReader(pkcs8, AsnEncodingRules.DER).ReadSequence();
        info.ReadInteger();
        var algorithm = info.ReadSequence();
        return algorithm.ReadObjectIdentifier() switch
        {
            "1.2.840.10045.2.1" => algorithm.ReadObjectIdentifier() == "1.2.840.10045.3.1.7" ? "ES256" : "EC (not P-256)",
            "1.2.840.113549.1.1.1" => "RS256",
            "1.3.101.112" => "EdDSA",
            var other => other,
        };
    }
}
