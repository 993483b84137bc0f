using System.Net;
using FullAuth.Api.FunctionalTests.Admin;
using FullAuth.Api.FunctionalTests.Cookies;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests.Mfa;

/// <summary>The TOTP window and replay rules through HTTP (the TOTP clock moves), recency, rate limits, Mfa:RequiredForRoles and Mfa:Methods.</summary>
public sealed class MfaPolicyTests
{
    [Fact]
    public async Task Verify_OneStepOfSkewEitherWay_IsAcceptedTwoStepsIsNot()
    {
        using var factory = new MfaFactory();
        var client = factory.CreateClient();
        var enrolled = await client.EnrolledUserAsync(factory);
        factory.NextStep();
        factory.NextStep();

        // Now = enabling step + 2: the previous step (+1) is inside the window, the one after next is not.
        var late = await client.VerifyAsync(await client.FirstFactorAsync(enrolled.Session.Email), factory.Code(enrolled.Secret, -1));
        var tooEarly = await client.VerifyAsync(await client.FirstFactorAsync(enrolled.Session.Email), factory.Code(enrolled.Secret, 2));
        var early = await client.VerifyAsync(await client.FirstFactorAsync(enrolled.Session.Email), factory.Code(enrolled.Secret, 1));
        var olderThanLastUsed = await client.VerifyAsync(await client.FirstFactorAsync(enrolled.Session.Email), factory.Code(enrolled.Secret));

        late.StatusCode.Should().Be(HttpStatusCode.OK);
        await tooEarly.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
        early.StatusCode.Should().Be(HttpStatusCode.OK);
        await olderThanLastUsed.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
    }

    [Fact]
    public async Task SetupAndDisableWithCode_WithoutRecentAuthentication_Are403()
    {
        using var factory = new MfaFactory();
        // Long enough to enroll (setup needs recency too), short enough to wait out.
        factory.Settings["FullAuth:Security:ReauthenticationWindow"] = "00:00:04";
        var client = factory.CreateClient();
        var enrolled = await client.EnrolledUserAsync(factory);
        var plain = await client.NewSessionAsync();
        await Task.Delay(TimeSpan.FromSeconds(5.5));

        var setup = await client.PostJsonAsync($"{MfaClient.Mfa}/totp/setup", null, plain.AccessToken);
        var disableWithCode = await client.PostJsonAsync($"{MfaClient.Mfa}/totp/disable", new { code = factory.Code(enrolled.Secret, 1) }, enrolled.Session.AccessToken);
        var disableWithPassword = await client.PostJsonAsync($"{MfaClient.Mfa}/totp/disable", new { current_password = ApiClient.StrongPassword }, enrolled.Session.AccessToken);

        await setup.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "reauthentication_required");
        await disableWithCode.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "reauthentication_required");
        disableWithPassword.StatusCode.Should().Be(HttpStatusCode.NoContent, "a correct current_password stands in for recency");
    }

    [Fact]
    public async Task Verify_IsInTheLoginRateLimitBucket()
    {
        using var factory = new MfaFactory();
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            var verify = await client.SendJsonAsync(HttpMethod.Post, $"{MfaClient.Mfa}/verify", new { mfa_token = "unknown-token", code = "123456" }, peer: "198.51.100.77");
            statuses.Add(verify.StatusCode);
        }

        statuses.Take(5).Should().OnlyContain(s => s == HttpStatusCode.Unauthorized);
        statuses[5].Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task RequiredForRoles_MemberWithoutTotp_IsRefusedUntilEnrolled()
    {
        using var factory = new MfaFactory();
        factory.Settings["FullAuth:Mfa:RequiredForRoles:0"] = "admin";
        var client = factory.CreateClient();
        var admin = await factory.AdminAsync(client);
        var plain = await client.UserAsync();

        var sessions = await client.GetAsync($"{ApiClient.Base}/sessions", admin.AccessToken);
        var adminUsers = await client.GetAsync($"{ApiClient.Base}/admin/users", admin.AccessToken);
        var me = await client.MeAsync(admin.AccessToken);
        var plainSessions = await client.GetAsync($"{ApiClient.Base}/sessions", plain.AccessToken);

        await sessions.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "mfa_enrollment_required");
        await adminUsers.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "mfa_enrollment_required");
        me.StatusCode.Should().Be(HttpStatusCode.OK);
        plainSessions.StatusCode.Should().Be(HttpStatusCode.OK, "the rule is only for the listed roles");

        var secret = (await client.SetupAsync(admin.AccessToken))["secret"]!.GetValue<string>();
        (await client.PostJsonAsync($"{MfaClient.Mfa}/totp/enable", new { code = factory.Code(secret) }, admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"{ApiClient.Base}/sessions", admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostJsonAsync($"{ApiClient.Base}/logout", null, admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task MethodsAndIssuer_FromConfiguration_AreApplied()
    {
        using var factory = new MfaFactory();
        factory.Settings["FullAuth:Mfa:Methods:0"] = "email";
        factory.Settings["FullAuth:Mfa:Issuer"] = "Acme Corp";
        var client = factory.CreateClient();
        var session = await client.NewSessionAsync();
        var setup = await client.SetupAsync(session.AccessToken);
        var secret = setup["secret"]!.GetValue<string>();
        (await client.PostJsonAsync($"{MfaClient.Mfa}/totp/enable", new { code = factory.Code(secret) }, session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);

        var login = await (await client.LoginAsync(session.Email)).JsonAsync();

        setup["otpauth_uri"]!.GetValue<string>().Should().StartWith("otpauth://totp/Acme%20Corp:").And.Contain("issuer=Acme%20Corp");
        login["mfa_required"]!.GetValue<bool>().Should().BeFalse("pwd is not in Mfa:Methods");
        login["access_token"].Should().NotBeNull();
    }

    [Fact]
    public async Task Startup_UnknownMfaMethod_FailsNamingTheSetting()
    {
        using var factory = FullAuthFactory.With(("FullAuth:Mfa:Methods:0", "sms"));

        var start = () => factory.CreateClient();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("FullAuth:Mfa:Methods", StringComparison.Ordinal));
    }
}

/// <summary>Cookie delivery: the challenge sets nothing; /mfa/verify checks Origin and sets the cookies.</summary>
public sealed class MfaCookieModeTests
{
    private sealed class CookieMfaFactory : MfaFactory
    {
        public CookieMfaFactory()
        {
            Settings["FullAuth:TokenDelivery"] = "both";
            Settings["FullAuth:Cors:Origins:0"] = CookieModeFactory.Origin;
        }
    }

    [Fact]
    public async Task CookieMode_ChallengeSetsNoCookiesVerifyNeedsOriginAndSetsCookies()
    {
        using var factory = new CookieMfaFactory();
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var enrolled = await client.EnrolledUserAsync(factory);

        using var login = new HttpRequestMessage(HttpMethod.Post, $"{ApiClient.Base}/login")
        {
            Content = JsonContent(new { email = enrolled.Session.Email, password = ApiClient.StrongPassword }),
        };
        login.Headers.Add("Origin", CookieModeFactory.Origin);
        var challenge = await client.SendAsync(login);
        var body = await challenge.JsonAsync();

        challenge.Headers.Contains("Set-Cookie").Should().BeFalse();
        body["mfa_required"]!.GetValue<bool>().Should().BeTrue();
        body.ContainsKey("csrf_token").Should().BeFalse();

        using var noOrigin = new HttpRequestMessage(HttpMethod.Post, $"{MfaClient.Mfa}/verify")
        {
            Content = JsonContent(new { mfa_token = body["mfa_token"]!.GetValue<string>(), code = factory.Code(enrolled.Secret, 1) }),
        };
        noOrigin.Headers.Add("Origin", "https://evil.example");
        await (await client.SendAsync(noOrigin)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "csrf_failed");

        using var verify = new HttpRequestMessage(HttpMethod.Post, $"{MfaClient.Mfa}/verify")
        {
            Content = JsonContent(new { mfa_token = body["mfa_token"]!.GetValue<string>(), code = factory.Code(enrolled.Secret, 1) }),
        };
        verify.Headers.Add("Origin", CookieModeFactory.Origin);
        var signedIn = await client.SendAsync(verify);

        signedIn.StatusCode.Should().Be(HttpStatusCode.OK);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").ToList();
        cookies.Should().Contain(c => c.StartsWith("__Host-fullauth_access=", StringComparison.Ordinal));
        cookies.Should().Contain(c => c.StartsWith("__Secure-fullauth_refresh=", StringComparison.Ordinal));
        var signedInBody = await signedIn.JsonAsync();
        signedInBody["csrf_token"]!.GetValue<string>().Should().NotBeEmpty();
        signedInBody.ContainsKey("access_token").Should().BeFalse();
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
