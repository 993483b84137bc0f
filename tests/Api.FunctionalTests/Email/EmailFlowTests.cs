using System.Globalization;
using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests.Email;

/// <summary>Verify, reset and email-change flows over HTTP, with mail delivered to a real SMTP server.</summary>
public sealed class EmailFlowTests
{
    private const string Frontend = "https://app.example.test";

    [Fact]
    public async Task Register_SendsVerificationMail_WithBothPartsAndAWorkingLink()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var email = NewEmail();

        var register = await client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password = ApiClient.StrongPassword, name = "<b>Eve</b>" });
        register.StatusCode.Should().Be(HttpStatusCode.Accepted);

        var mail = await smtp.WaitForMailAsync(email, "Verify your email");
        mail.From.Mailboxes.Single().Address.Should().Be("no-reply@example.test");
        mail.TextBody.Should().Contain($"{Frontend}/verify-email?token=");
        mail.HtmlBody.Should().Contain($"href=\"{Frontend}/verify-email?token=");
        mail.TextBody.Should().NotContain("Eve", "mail to an unverified address omits the user-typed name");

        var login = await client.PostJsonAsync($"{ApiClient.Base}/login", new { email, password = ApiClient.StrongPassword });
        var access = (await login.JsonAsync())["access_token"]!.GetValue<string>();
        var confirm = await client.PostJsonAsync($"{ApiClient.Base}/verify-email/confirm", new { token = SmtpSink.TokenFrom(mail, "/verify-email") });
        confirm.StatusCode.Should().Be(HttpStatusCode.OK);
        (await confirm.JsonAsync())["detail"]!.GetValue<string>().Should().NotBeNullOrEmpty();

        var me = await client.GetAsync($"{ApiClient.Base}/me", access);
        (await me.JsonAsync())["email_verified"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task VerifyConfirm_ConcurrentDoubleSubmit_ExactlyOneSucceeds()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var email = NewEmail();
        await client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password = ApiClient.StrongPassword });
        var token = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(email, "Verify"), "/verify-email");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            client.PostJsonAsync($"{ApiClient.Base}/verify-email/confirm", new { token })));

        attempts.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        attempts.Where(r => r.StatusCode != HttpStatusCode.OK).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.BadRequest);
        (await attempts.First(r => r.StatusCode == HttpStatusCode.BadRequest).JsonAsync())["code"]!.GetValue<string>().Should().Be("invalid_token");
    }

    [Fact]
    public async Task PasswordReset_FullFlow_PolicyFailureKeepsTokenAndSuccessEndsSessions()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var email = NewEmail();
        var session = await client.RegisterAndLoginAsync(email);
        var access = session["access_token"]!.GetValue<string>();

        var request = await client.PostJsonAsync($"{ApiClient.Base}/password-reset/request", new { email = email.ToUpperInvariant() });
        request.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var mail = await smtp.WaitForMailAsync(email, "Reset your");
        mail.TextBody.Should().Contain($"{Frontend}/reset-password?token=");
        var token = SmtpSink.TokenFrom(mail, "/reset-password");

        var weak = await client.PostJsonAsync($"{ApiClient.Base}/password-reset/confirm", new { token, new_password = "password123" });
        weak.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await weak.JsonAsync())["errors"]!["new_password"].Should().NotBeNull();

        const string newPassword = "an entirely new passphrase";
        var confirm = await client.PostJsonAsync($"{ApiClient.Base}/password-reset/confirm", new { token, new_password = newPassword });
        confirm.StatusCode.Should().Be(HttpStatusCode.NoContent, "a refused password must not burn the token");

        (await client.GetAsync($"{ApiClient.Base}/me", access)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a reset ends every session");
        (await client.PostJsonAsync($"{ApiClient.Base}/login", new { email, password = ApiClient.StrongPassword })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var login = await client.PostJsonAsync($"{ApiClient.Base}/login", new { email, password = newPassword });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        (await login.JsonAsync())["user"]!["email_verified"]!.GetValue<bool>().Should().BeTrue("the reset proved the mailbox");

        var again = await client.PostJsonAsync($"{ApiClient.Base}/password-reset/confirm", new { token, new_password = "yet another passphrase" });
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await smtp.WaitForMailAsync(email, "password was changed");
    }

    [Fact]
    public async Task PasswordResetRequest_UnknownEmail_SameAnswerAndNoMail()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var known = NewEmail();
        await client.RegisterAndLoginAsync(known);
        var unknown = NewEmail();

        var forKnown = await client.PostJsonAsync($"{ApiClient.Base}/password-reset/request", new { email = known });
        var forUnknown = await client.PostJsonAsync($"{ApiClient.Base}/password-reset/request", new { email = unknown });

        forUnknown.StatusCode.Should().Be(forKnown.StatusCode).And.Be(HttpStatusCode.Accepted);
        (await forUnknown.Content.ReadAsStringAsync()).Should().Be(await forKnown.Content.ReadAsStringAsync());
        await smtp.WaitForMailAsync(known, "Reset your");
        await Task.Delay(500);
        smtp.MessagesTo(unknown).Should().BeEmpty();
    }

    [Fact]
    public async Task DuplicateRegistration_MailsOwnerANoticeWithResetLink_AndAnswersIdentically()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var email = NewEmail();
        var first = await client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password = ApiClient.StrongPassword });
        var second = await client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password = "another long passphrase" });

        second.StatusCode.Should().Be(first.StatusCode);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        var notice = await smtp.WaitForMailAsync(email, "tried to sign up");
        notice.TextBody.Should().Contain($"{Frontend}/reset-password?token=");
    }

    [Fact]
    public async Task EmailChange_FullFlow_MovesAccountAndKeepsOnlyTheRequestingSession()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var oldEmail = NewEmail();
        var requesting = await client.RegisterAndLoginAsync(oldEmail);
        var other = await client.PostJsonAsync($"{ApiClient.Base}/login", new { email = oldEmail, password = ApiClient.StrongPassword });
        var otherAccess = (await other.JsonAsync())["access_token"]!.GetValue<string>();
        var access = requesting["access_token"]!.GetValue<string>();
        var newEmail = NewEmail();

        var request = await client.PostJsonAsync($"{ApiClient.Base}/email-change/request", new { new_email = newEmail, current_password = ApiClient.StrongPassword }, access);
        request.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var confirmMail = await smtp.WaitForMailAsync(newEmail, "Confirm your new email");
        var notice = await smtp.WaitForMailAsync(oldEmail, "is being changed");
        notice.TextBody.Should().Contain(newEmail);

        var confirm = await client.PostJsonAsync($"{ApiClient.Base}/email-change/confirm", new { token = SmtpSink.TokenFrom(confirmMail, "/confirm-email-change") });
        confirm.StatusCode.Should().Be(HttpStatusCode.OK);
        var user = await confirm.JsonAsync();
        user["email"]!.GetValue<string>().Should().Be(newEmail);
        user["email_verified"]!.GetValue<bool>().Should().BeTrue();

        (await client.GetAsync($"{ApiClient.Base}/me", access)).StatusCode.Should().Be(HttpStatusCode.OK, "the requesting session survives");
        (await client.GetAsync($"{ApiClient.Base}/me", otherAccess)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "every other session ends");
        (await client.PostJsonAsync($"{ApiClient.Base}/login", new { email = newEmail, password = ApiClient.StrongPassword })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EmailChange_ToTakenAddress_SendsNoticeToThatAddressAndNoLink()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var taken = NewEmail();
        await client.RegisterAndLoginAsync(taken);
        var access = (await client.RegisterAndLoginAsync())["access_token"]!.GetValue<string>();

        var request = await client.PostJsonAsync($"{ApiClient.Base}/email-change/request", new { new_email = taken, current_password = ApiClient.StrongPassword }, access);

        request.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var notice = await smtp.WaitForMailAsync(taken, "tried to use your address");
        notice.TextBody.Should().NotContain("token=");
    }

    [Fact]
    public async Task SmtpDown_RequestStillAccepted_AndMailArrivesOnceServerIsBack()
    {
        using var smtp = SmtpSink.Reserve();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var email = NewEmail();

        var started = DateTime.UtcNow;
        var register = await client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password = ApiClient.StrongPassword });
        register.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(5), "the request never waits on the mail server");

        await Task.Delay(1500);
        await smtp.StartAsync();
        var mail = await smtp.WaitForMailAsync(email, "Verify", TimeSpan.FromSeconds(30));
        mail.TextBody.Should().Contain("/verify-email?token=");
    }

    [Fact]
    public async Task RequireVerifiedEmail_LoginRefusedUntilVerified()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        factory.Settings["FullAuth:Registration:RequireVerifiedEmail"] = "true";
        var client = factory.CreateClient();
        var email = NewEmail();
        await client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password = ApiClient.StrongPassword });

        var before = await client.PostJsonAsync($"{ApiClient.Base}/login", new { email, password = ApiClient.StrongPassword });
        before.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await before.JsonAsync())["code"]!.GetValue<string>().Should().Be("email_not_verified");

        var token = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(email, "Verify"), "/verify-email");
        (await client.PostJsonAsync($"{ApiClient.Base}/verify-email/confirm", new { token })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostJsonAsync($"{ApiClient.Base}/login", new { email, password = ApiClient.StrongPassword })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task MailRoutes_WithTransportNone_Answer503EmailDisabled()
    {
        using var factory = new FullAuthFactory();
        factory.Settings["FullAuth:Email:Transport"] = "none";
        var client = factory.CreateClient();

        var response = await client.PostJsonAsync($"{ApiClient.Base}/password-reset/request", new { email = NewEmail() });

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.JsonAsync())["code"]!.GetValue<string>().Should().Be("email_disabled");
        (await client.PostJsonAsync($"{ApiClient.Base}/register", new { email = NewEmail(), password = ApiClient.StrongPassword }))
            .StatusCode.Should().Be(HttpStatusCode.Accepted, "registration still works without mail");
    }

    [Fact]
    public async Task VerifyRequest_MoreThanThreePerHourToOneAddress_StillAcceptedButNotSent()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = Factory(smtp);
        var client = factory.CreateClient();
        var email = NewEmail();
        await client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password = ApiClient.StrongPassword });
        await smtp.WaitForMailAsync(email, "Verify");

        for (var i = 0; i < 4; i++)
        {
            (await client.PostJsonAsync($"{ApiClient.Base}/verify-email/request", new { email })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        await Task.Delay(1500);
        smtp.MessagesTo(email).Should().HaveCount(3, "registration's mail plus two requests reach the hourly limit of 3");
    }

    private static string NewEmail() => $"mail-{Guid.NewGuid():N}@example.com";

    private static FullAuthFactory Factory(SmtpSink smtp)
    {
        var factory = new FullAuthFactory();
        factory.Settings["FullAuth:Email:Transport"] = "smtp";
        factory.Settings["FullAuth:Email:Smtp:Host"] = "127.0.0.1";
        factory.Settings["FullAuth:Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        factory.Settings["FullAuth:Email:Smtp:Security"] = "None";
        factory.Settings["FullAuth:Email:From"] = "no-reply@example.test";
        factory.Settings["FullAuth:Email:FrontendUrl"] = Frontend;
        return factory;
    }
}
