using System.Globalization;
using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests.Email;

/// <summary>Passwordless email sign-in over HTTP, with the links delivered through a real SMTP server.</summary>
public sealed class MagicLinkTests
{
    private const string Frontend = "https://app.example.test";
    private const string RequestPath = $"{ApiClient.Base}/magic-link/request";
    private const string ConfirmPath = $"{ApiClient.Base}/magic-link/confirm";

    [Fact]
    public async Task MagicLink_EndToEndThroughSmtp_SignsInWithAmrEmail()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var email = NewEmail();
        await client.RegisterAsync(email);
        var verify = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(email, "Verify your email"), "/verify-email");
        (await client.PostJsonAsync($"{ApiClient.Base}/verify-email/confirm", new { token = verify })).StatusCode.Should().Be(HttpStatusCode.OK);

        var request = await client.PostJsonAsync(RequestPath, new { email = email.ToUpperInvariant() });
        request.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var mail = await smtp.WaitForMailAsync(email, "sign-in link");
        mail.TextBody.Should().Contain($"{Frontend}/magic-link?token=");
        mail.HtmlBody.Should().Contain($"href=\"{Frontend}/magic-link?token=");

        var confirm = await client.PostJsonAsync(ConfirmPath, new { token = SmtpSink.TokenFrom(mail, "/magic-link") });

        confirm.StatusCode.Should().Be(HttpStatusCode.OK);
        confirm.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = await confirm.JsonAsync();
        body.Select(p => p.Key).Should().BeEquivalentTo(["access_token", "refresh_token", "token_type", "expires_in", "user", "mfa_required"]);
        body["mfa_required"]!.GetValue<bool>().Should().BeFalse();
        body["token_type"]!.GetValue<string>().Should().Be("Bearer");
        body["user"]!["email"]!.GetValue<string>().Should().Be(email);
        body["user"]!["email_verified"]!.GetValue<bool>().Should().BeTrue();
        var access = body["access_token"]!.GetValue<string>();
        Jwt.Payload(access)["amr"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("email");
        (await client.MeAsync(access)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.RefreshAsync(body["refresh_token"]!.GetValue<string>())).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK, "an account verified before keeps its password");
    }

    [Fact]
    public async Task Request_UnknownEmail_SameAnswerAndNoMail()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var known = NewEmail();
        await client.RegisterAsync(known);
        var unknown = NewEmail();

        var forKnown = await client.PostJsonAsync(RequestPath, new { email = known });
        var forUnknown = await client.PostJsonAsync(RequestPath, new { email = unknown });

        forUnknown.StatusCode.Should().Be(forKnown.StatusCode).And.Be(HttpStatusCode.Accepted);
        (await forUnknown.Content.ReadAsStringAsync()).Should().Be(await forKnown.Content.ReadAsStringAsync());
        await smtp.WaitForMailAsync(known, "sign-in link");
        await Task.Delay(500);
        smtp.MessagesTo(unknown).Should().BeEmpty();
    }

    [Fact]
    public async Task Request_AnswersBeforeTheMailServerDoes()
    {
        using var smtp = SmtpSink.Reserve();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var email = NewEmail();
        await client.RegisterAsync(email);

        var started = DateTime.UtcNow;
        var request = await client.PostJsonAsync(RequestPath, new { email });

        request.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(5), "the mail is queued off the request path");
        await smtp.StartAsync();
        await smtp.WaitForMailAsync(email, "sign-in link", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Confirm_ConcurrentDoubleSubmit_ExactlyOneSignsIn()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var email = NewEmail();
        await client.RegisterAsync(email);
        await client.PostJsonAsync(RequestPath, new { email });
        var token = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(email, "sign-in link"), "/magic-link");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.PostJsonAsync(ConfirmPath, new { token })));

        attempts.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        foreach (var refused in attempts.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_token");
        }

        await (await client.PostJsonAsync(ConfirmPath, new { token })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_token");
    }

    [Fact]
    public async Task Confirm_AfterLifetime_InvalidToken()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp, ("FullAuth:MagicLinks:Lifetime", "00:00:01"));
        var client = factory.CreateClient();
        var email = NewEmail();
        await client.RegisterAsync(email);
        await client.PostJsonAsync(RequestPath, new { email });
        var token = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(email, "sign-in link"), "/magic-link");

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var confirm = await client.PostJsonAsync(ConfirmPath, new { token });

        await confirm.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_token");
    }

    [Fact]
    public async Task Confirm_UnknownToken_InvalidTokenWithTheFixedBody()
    {
        using var factory = new FullAuthFactory();
        factory.Settings["FullAuth:MagicLinks:Enabled"] = "true";
        factory.Settings["FullAuth:MagicLinks:AllowSignUp"] = "true";
        var client = factory.CreateClient();

        var first = await (await client.PostJsonAsync(ConfirmPath, new { token = "not-a-real-token" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_token");
        var second = await (await client.PostJsonAsync(ConfirmPath, new { token = "another-made-up-one" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_token");

        first.WithoutTraceId().Should().Be(second.WithoutTraceId());
    }

    [Theory]
    [InlineData(false, 30)]
    [InlineData(true, 90)]
    public async Task Confirm_RememberMeChosenAtRequest_SetsTheSessionLifetime(bool rememberMe, int days)
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var email = NewEmail();
        await client.RegisterAsync(email);
        await client.PostJsonAsync(RequestPath, new { email, remember_me = rememberMe });
        var token = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(email, "sign-in link"), "/magic-link");

        var body = await (await client.PostJsonAsync(ConfirmPath, new { token, remember_me = !rememberMe })).JsonAsync();

        var access = body["access_token"]!.GetValue<string>();
        var sessions = await (await client.GetAsync($"{ApiClient.Base}/sessions", access)).JsonArrayAsync();
        var expiresAt = DateTimeOffset.Parse(sessions.Single()!["expires_at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        expiresAt.Should().BeCloseTo(DateTimeOffset.UtcNow.AddDays(days), TimeSpan.FromMinutes(5), "remember_me is bound to the token; the confirm body cannot change it");
        sessions.Single()!["amr"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("email");
    }

    [Fact]
    public async Task Request_Twice_OnlyTheNewestLinkWorks()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var email = NewEmail();
        await client.RegisterAsync(email);

        await client.PostJsonAsync(RequestPath, new { email });
        var older = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(email, "sign-in link"), "/magic-link");
        await client.PostJsonAsync(RequestPath, new { email, remember_me = true });
        var newer = await WaitForSecondLinkAsync(smtp, email, older);

        await (await client.PostJsonAsync(ConfirmPath, new { token = older })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_token");
        (await client.PostJsonAsync(ConfirmPath, new { token = newer })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task InactiveUser_GetsNoMail_AndAnEarlierLinkIsRefusedWithTheGenericError()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var email = NewEmail();
        await client.RegisterAsync(email);
        await client.PostJsonAsync(RequestPath, new { email });
        var token = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(email, "sign-in link"), "/magic-link");

        await factory.UpdateUserAsync(email, u => u.SetActive(false, DateTimeOffset.UtcNow));
        var confirm = await client.PostJsonAsync(ConfirmPath, new { token });
        var again = await client.PostJsonAsync(RequestPath, new { email });

        await confirm.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_token");
        again.StatusCode.Should().Be(HttpStatusCode.Accepted);
        await Task.Delay(1000);
        smtp.MessagesTo(email).Count(m => (m.Subject ?? string.Empty).Contains("sign-in link", StringComparison.Ordinal)).Should().Be(1, "an inactive account gets no new link");
    }

    [Fact]
    public async Task Confirm_UnverifiedAccount_DropsEarlierPasswordAndSessions_PreAccountTakeoverDefence()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var victim = NewEmail();
        var attacker = await client.NewSessionAsync(victim, "the attacker's chosen password");

        await client.PostJsonAsync(RequestPath, new { email = victim });
        var token = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(victim, "sign-in link"), "/magic-link");
        var confirm = await client.PostJsonAsync(ConfirmPath, new { token });

        confirm.StatusCode.Should().Be(HttpStatusCode.OK);
        var user = (await confirm.JsonAsync())["user"]!;
        user["has_password"]!.GetValue<bool>().Should().BeFalse("a password set before the mailbox was proven is dropped");
        user["email_verified"]!.GetValue<bool>().Should().BeTrue();
        (await client.MeAsync(attacker.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "earlier sessions end");
        (await client.RefreshAsync(attacker.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.LoginAsync(victim, "the attacker's chosen password")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignUp_Allowed_CreatesVerifiedAccountWithoutPassword()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp, ("FullAuth:MagicLinks:AllowSignUp", "true"));
        var client = factory.CreateClient();
        var email = NewEmail();

        (await client.PostJsonAsync(RequestPath, new { email, remember_me = true })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var token = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(email, "sign-in link"), "/magic-link");
        var confirm = await client.PostJsonAsync(ConfirmPath, new { token });

        confirm.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await confirm.JsonAsync();
        body["user"]!["email"]!.GetValue<string>().Should().Be(email);
        body["user"]!["email_verified"]!.GetValue<bool>().Should().BeTrue();
        body["user"]!["has_password"]!.GetValue<bool>().Should().BeFalse();
        Jwt.Payload(body["access_token"]!.GetValue<string>())["amr"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("email");
        await (await client.PostJsonAsync(ConfirmPath, new { token })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_token");
        await Task.Delay(500);
        smtp.MessagesTo(email).Should().ContainSingle("a verified sign-up gets no verification mail");
    }

    [Fact]
    public async Task SignUp_ConcurrentDoubleSubmit_CreatesOneAccount()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp, ("FullAuth:MagicLinks:AllowSignUp", "true"));
        var client = factory.CreateClient();
        var email = NewEmail();
        await client.PostJsonAsync(RequestPath, new { email });
        var token = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(email, "sign-in link"), "/magic-link");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostJsonAsync(ConfirmPath, new { token })));

        attempts.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        attempts.Where(r => r.StatusCode != HttpStatusCode.OK).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SignUp_NotAllowed_UnknownAddressGetsNothing()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var email = NewEmail();

        (await client.PostJsonAsync(RequestPath, new { email })).StatusCode.Should().Be(HttpStatusCode.Accepted);

        await Task.Delay(1000);
        smtp.MessagesTo(email).Should().BeEmpty();
        (await client.LoginAsync(email, "any password at all")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignUp_ClosedRegistration_ConfirmAnswers403AndCreatesNothing()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp, ("FullAuth:MagicLinks:AllowSignUp", "true"), ("FullAuth:Registration:Enabled", "false"));
        var client = factory.CreateClient();
        var email = NewEmail();

        (await client.PostJsonAsync(RequestPath, new { email })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var token = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(email, "sign-in link"), "/magic-link");
        var confirm = await client.PostJsonAsync(ConfirmPath, new { token });

        await confirm.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await factory.Awaiting(f => f.UpdateUserAsync(email, _ => { })).Should().ThrowAsync<InvalidOperationException>("no account was created");
    }

    [Fact]
    public async Task SignUp_BootstrapEmail_BecomesAdminOnceVerifiedByTheLink()
    {
        using var smtp = await SmtpSink.StartAsync();
        var email = NewEmail();
        using var factory = Factory(smtp, ("FullAuth:MagicLinks:AllowSignUp", "true"), ("FullAuth:Admin:BootstrapEmail", email));
        var client = factory.CreateClient();

        await client.PostJsonAsync(RequestPath, new { email });
        var token = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(email, "sign-in link"), "/magic-link");
        var body = await (await client.PostJsonAsync(ConfirmPath, new { token })).JsonAsync();

        body["user"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("admin");
    }

    [Fact]
    public async Task Disabled_BothRoutesAnswer404()
    {
        using var factory = new FullAuthFactory();
        var client = factory.CreateClient();

        await (await client.PostJsonAsync(RequestPath, new { email = NewEmail() })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.PostJsonAsync(ConfirmPath, new { token = "whatever" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Request_WithTransportNone_Answers503EmailDisabled()
    {
        using var factory = FullAuthFactory.With(("FullAuth:MagicLinks:Enabled", "true"), ("FullAuth:Email:Transport", "none"));
        var client = factory.CreateClient();

        var response = await client.PostJsonAsync(RequestPath, new { email = NewEmail() });

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "email_disabled");
    }

    [Fact]
    public async Task Request_InvalidEmail_ValidationNamesEmail()
    {
        using var factory = FullAuthFactory.With(("FullAuth:MagicLinks:Enabled", "true"));
        var client = factory.CreateClient();

        await (await client.PostJsonAsync(RequestPath, new { email = "not an email" })).ShouldBeValidationProblemAsync("email");
        await (await client.PostJsonAsync(ConfirmPath, new { })).ShouldBeValidationProblemAsync("token");
    }

    [Fact]
    public async Task Request_FourthFromOnePeerInAMinute_Is429InTheEmailBucket()
    {
        using var smtp = SmtpSink.Reserve();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var peer = NewPeer();

        for (var i = 0; i < 3; i++)
        {
            (await client.SendJsonAsync(HttpMethod.Post, RequestPath, new { email = NewEmail() }, peer: peer)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        var fourth = await client.SendJsonAsync(HttpMethod.Post, RequestPath, new { email = NewEmail() }, peer: peer);
        await fourth.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        fourth.Headers.RetryAfter.Should().NotBeNull();

        var reset = await client.SendJsonAsync(HttpMethod.Post, $"{ApiClient.Base}/password-reset/request", new { email = NewEmail() }, peer: peer);
        reset.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "magic-link and password-reset requests share the email bucket");
    }

    [Fact]
    public async Task Confirm_EleventhFromOnePeerInAMinute_Is429InTheConfirmBucket()
    {
        using var factory = FullAuthFactory.With(("FullAuth:MagicLinks:Enabled", "true"));
        var client = factory.CreateClient();
        var peer = NewPeer();

        for (var i = 0; i < 10; i++)
        {
            (await client.SendJsonAsync(HttpMethod.Post, ConfirmPath, new { token = $"guess-{i}" }, peer: peer)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        await (await client.SendJsonAsync(HttpMethod.Post, ConfirmPath, new { token = "guess-11" }, peer: peer)).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task Request_MoreThanThreePerHourToOneAddress_StillAcceptedButNotSent()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var email = NewEmail();
        await client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password = ApiClient.StrongPassword });
        await smtp.WaitForMailAsync(email, "Verify");

        for (var i = 0; i < 3; i++)
        {
            (await client.PostJsonAsync(RequestPath, new { email })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        await Task.Delay(1500);
        smtp.MessagesTo(email).Should().HaveCount(3, "the verification mail plus two links reach the hourly limit of 3");
    }

    [Fact]
    public async Task Confirm_CookieMode_RequiresAnAllowedOriginAndDeliversCookies()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = new Cookies.CookieModeFactory();
        foreach (var (key, value) in Factory(smtp).Settings)
        {
            factory.Settings[key] = value;
        }

        var browser = new Cookies.CookieClient(factory);
        await browser.RegisterAsync();
        var email = browser.Email;
        (await browser.SendAsync(HttpMethod.Post, RequestPath, new { email })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var token = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(email, "sign-in link"), "/magic-link");

        var foreign = new Cookies.CookieClient(factory, "https://evil.example");
        await (await foreign.SendAsync(HttpMethod.Post, ConfirmPath, new { token })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "csrf_failed");

        var confirm = await new Cookies.CookieClient(factory).SendAsync(HttpMethod.Post, ConfirmPath, new { token });
        confirm.StatusCode.Should().Be(HttpStatusCode.OK, "the refused cross-origin attempt did not burn the token");
        var body = await confirm.JsonAsync();
        body.ContainsKey("access_token").Should().BeFalse("cookie mode keeps tokens out of the body");
        body["csrf_token"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        confirm.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("__Host-fullauth_access=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublicConfig_ReportsMagicLinksOnlyWhenEnabledWithAMailTransport()
    {
        using var smtp = SmtpSink.Reserve();
        using var on = Factory(smtp);
        using var off = new FullAuthFactory();
        using var noMail = FullAuthFactory.With(("FullAuth:MagicLinks:Enabled", "true"), ("FullAuth:Email:Transport", "none"));

        (await (await on.CreateClient().GetAsync("/api/v1/config")).JsonAsync())["magic_links"]!.GetValue<bool>().Should().BeTrue();
        (await (await off.CreateClient().GetAsync("/api/v1/config")).JsonAsync())["magic_links"]!.GetValue<bool>().Should().BeFalse();
        (await (await noMail.CreateClient().GetAsync("/api/v1/config")).JsonAsync())["magic_links"]!.GetValue<bool>().Should().BeFalse();
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("2.00:00:00")]
    public void Start_LifetimeNotPositiveOrOverADay_FailsNamingTheSetting(string lifetime)
    {
        using var factory = FullAuthFactory.With(("FullAuth:MagicLinks:Enabled", "true"), ("FullAuth:MagicLinks:Lifetime", lifetime));

        var failure = Record.Exception(() => factory.CreateClient());

        failure.Should().NotBeNull("the host must refuse to start");
        var messages = string.Join(" | ", Chain(failure!));
        messages.Should().Contain("FullAuth:MagicLinks:Lifetime");
    }

    private static IEnumerable<string> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e.Message;
        }
    }

    private static async Task<string> WaitForSecondLinkAsync(SmtpSink smtp, string email, string first)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var tokens = smtp.MessagesTo(email)
                .Where(m => (m.Subject ?? string.Empty).Contains("sign-in link", StringComparison.Ordinal))
                .Select(m => SmtpSink.TokenFrom(m, "/magic-link"))
                .Where(t => t != first)
                .ToList();
            if (tokens.Count > 0)
            {
                return tokens[0];
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The second magic link did not arrive.");
    }

    private static string NewEmail() => $"magic-{Guid.NewGuid():N}@example.com";

    private static string NewPeer() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private static FullAuthFactory Factory(SmtpSink smtp, params (string Key, string? Value)[] settings)
    {
        var factory = new FullAuthFactory();
        factory.Settings["FullAuth:Email:Transport"] = "smtp";
        factory.Settings["FullAuth:Email:Smtp:Host"] = "127.0.0.1";
        factory.Settings["FullAuth:Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        factory.Settings["FullAuth:Email:Smtp:Security"] = "None";
        factory.Settings["FullAuth:Email:From"] = "no-reply@example.test";
        factory.Settings["FullAuth:Email:FrontendUrl"] = Frontend;
        factory.Settings["FullAuth:MagicLinks:Enabled"] = "true";
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }

        return factory;
    }
}
