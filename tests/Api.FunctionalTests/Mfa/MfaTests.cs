using System.Net;
using FullAuth.Api.FunctionalTests.Admin;
using FullAuth.Api.FunctionalTests.Infrastructure;
using FullAuth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullAuth.Api.FunctionalTests.Mfa;

/// <summary>Two-factor authentication (API.md "Two-factor authentication"): every flow and every refusal.</summary>
public sealed class MfaTests : IClassFixture<MfaFactory>
{
    private readonly MfaFactory _factory;
    private readonly HttpClient _client;

    public MfaTests(MfaFactory factory)
    {
        _factory = factory;
        _client = factory.CreateClient();
    }

    [Fact]
    public async Task Setup_SignedIn_ReturnsSecretOtpauthUriAndSvgWithoutEnablingAnything()
    {
        var session = await _client.NewSessionAsync();

        var setup = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/setup", null, session.AccessToken);

        setup.StatusCode.Should().Be(HttpStatusCode.OK);
        setup.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = await setup.JsonAsync();
        var secret = body["secret"]!.GetValue<string>();
        secret.Should().MatchRegex("^[A-Z2-7]{32}$");
        var uri = body["otpauth_uri"]!.GetValue<string>();
        uri.Should().StartWith("otpauth://totp/FullAuth:").And.Contain($"secret={secret}").And.Contain("issuer=FullAuth").And.Contain(Uri.EscapeDataString(session.Email));
        body["qr_svg"]!.GetValue<string>().Should().Contain("<svg").And.Contain("</svg>");
        (await (await _client.MeAsync(session.AccessToken)).JsonAsync())["mfa_enabled"]!.GetValue<bool>().Should().BeFalse();
        (await _client.LoginAsync(session.Email)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await _client.LoginAsync(session.Email)).JsonAsync())["mfa_required"]!.GetValue<bool>().Should().BeFalse("a pending secret is not in force");
    }

    [Fact]
    public async Task Setup_WithoutAccessToken_Is401()
    {
        var setup = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/setup", null);

        await setup.ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Setup_WhenAlreadyOn_Is409()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);

        var again = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/setup", null, enrolled.Session.AccessToken);

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Setup_Repeated_ReplacesThePendingSecret()
    {
        var session = await _client.NewSessionAsync();
        var first = (await _client.SetupAsync(session.AccessToken))["secret"]!.GetValue<string>();
        var second = (await _client.SetupAsync(session.AccessToken))["secret"]!.GetValue<string>();

        var withFirst = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/enable", new { code = _factory.Code(first) }, session.AccessToken);
        var withSecond = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/enable", new { code = _factory.Code(second) }, session.AccessToken);

        second.Should().NotBe(first);
        await withFirst.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
        withSecond.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Enable_ValidCode_Returns10DistinctRecoveryCodesOnceAndTurnsMfaOn()
    {
        var session = await _client.NewSessionAsync();
        var secret = (await _client.SetupAsync(session.AccessToken))["secret"]!.GetValue<string>();

        var enable = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/enable", new { code = _factory.Code(secret) }, session.AccessToken);

        enable.StatusCode.Should().Be(HttpStatusCode.OK);
        enable.Headers.CacheControl!.NoStore.Should().BeTrue();
        var codes = (await enable.JsonAsync())["recovery_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        codes.Should().HaveCount(10).And.OnlyHaveUniqueItems();
        codes.Should().OnlyContain(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$"));
        (await (await _client.MeAsync(session.AccessToken)).JsonAsync())["mfa_enabled"]!.GetValue<bool>().Should().BeTrue();
        var again = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/enable", new { code = _factory.Code(secret, 1) }, session.AccessToken);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Enable_WrongCode_Is401InvalidCode()
    {
        var session = await _client.NewSessionAsync();
        var secret = (await _client.SetupAsync(session.AccessToken))["secret"]!.GetValue<string>();

        var enable = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/enable", new { code = _factory.Code(secret, 3) }, session.AccessToken);

        await enable.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
    }

    [Fact]
    public async Task Enable_WithoutSetup_Is409()
    {
        var session = await _client.NewSessionAsync();

        var enable = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/enable", new { code = "123456" }, session.AccessToken);

        await enable.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"code\":\"12345\"}")]
    [InlineData("{\"code\":\"abcdef\"}")]
    public async Task Enable_MalformedCode_Is400NamingCode(string body)
    {
        var session = await _client.NewSessionAsync();

        var enable = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/enable", body, session.AccessToken);

        await enable.ShouldBeValidationProblemAsync("code");
    }

    [Fact]
    public async Task Login_UserWithTotp_AnswersMfaChallengeWithoutTokensOrUser()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);

        var login = await _client.LoginAsync(enrolled.Session.Email);

        login.StatusCode.Should().Be(HttpStatusCode.OK);
        login.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = await login.JsonAsync();
        body.Select(p => p.Key).Should().BeEquivalentTo(["mfa_required", "mfa_token", "expires_in", "methods"]);
        body["mfa_required"]!.GetValue<bool>().Should().BeTrue();
        body["expires_in"]!.GetValue<int>().Should().Be(300);
        body["methods"]!.AsArray().Select(m => m!.GetValue<string>()).Should().Equal("totp", "recovery_code");
        body["mfa_token"]!.GetValue<string>().Length.Should().BeGreaterThanOrEqualTo(43);
    }

    [Fact]
    public async Task Login_WrongPasswordForUserWithTotp_IsStillInvalidCredentials()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);

        var login = await _client.LoginAsync(enrolled.Session.Email, "wrong password entirely");

        await login.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Verify_WithCode_SignsInWithAmrPwdOtpMfa()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);
        var mfaToken = await _client.FirstFactorAsync(enrolled.Session.Email);

        var verify = await _client.VerifyAsync(mfaToken, _factory.Code(enrolled.Secret, 1));

        verify.StatusCode.Should().Be(HttpStatusCode.OK);
        verify.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = await verify.JsonAsync();
        body["mfa_required"]!.GetValue<bool>().Should().BeFalse();
        body["user"]!["mfa_enabled"]!.GetValue<bool>().Should().BeTrue();
        var access = body["access_token"]!.GetValue<string>();
        Jwt.Payload(access)["amr"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("pwd", "otp", "mfa");
        (await _client.MeAsync(access)).StatusCode.Should().Be(HttpStatusCode.OK);
        var refreshed = await _client.RefreshAsync(body["refresh_token"]!.GetValue<string>());
        Jwt.Payload((await refreshed.JsonAsync())["access_token"]!.GetValue<string>())["amr"]!.AsArray().Should().HaveCount(3);
    }

    [Fact]
    public async Task Verify_MfaTokenIsSingleUse()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);
        var mfaToken = await _client.FirstFactorAsync(enrolled.Session.Email);
        (await _client.VerifyAsync(mfaToken, _factory.Code(enrolled.Secret, 1))).StatusCode.Should().Be(HttpStatusCode.OK);

        var again = await _client.VerifyAsync(mfaToken, recoveryCode: enrolled.RecoveryCodes[0]);

        await again.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "mfa_token_invalid");
    }

    [Fact]
    public async Task Verify_WrongCode_IsInvalidCodeAndTheSameTokenMayRetry()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);
        var mfaToken = await _client.FirstFactorAsync(enrolled.Session.Email);

        var wrong = await _client.VerifyAsync(mfaToken, _factory.Code(enrolled.Secret, 5));
        var right = await _client.VerifyAsync(mfaToken, _factory.Code(enrolled.Secret, 1));

        await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
        right.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Verify_CodeAlreadyUsed_IsRefusedAsReplay()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);
        var code = _factory.Code(enrolled.Secret, 1);
        (await _client.VerifyAsync(await _client.FirstFactorAsync(enrolled.Session.Email), code)).StatusCode.Should().Be(HttpStatusCode.OK);

        var replay = await _client.VerifyAsync(await _client.FirstFactorAsync(enrolled.Session.Email), code);
        var enablingCode = await _client.VerifyAsync(await _client.FirstFactorAsync(enrolled.Session.Email), _factory.Code(enrolled.Secret));

        await replay.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
        await enablingCode.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
    }

    [Fact]
    public async Task Verify_ConcurrentSubmitsOfOneCode_AcceptOnlyOne()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);
        var tokens = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            tokens.Add(await _client.FirstFactorAsync(enrolled.Session.Email));
        }

        var code = _factory.Code(enrolled.Secret, 1);
        var answers = await Task.WhenAll(tokens.Select(t => _client.VerifyAsync(t, code)));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().Be(1);
    }

    [Fact]
    public async Task Verify_FiveWrongCodes_LockTheSecondStepAcrossMfaTokens()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);
        var first = await _client.FirstFactorAsync(enrolled.Session.Email);
        for (var i = 0; i < 3; i++)
        {
            await (await _client.VerifyAsync(first, _factory.Code(enrolled.Secret, 20 + i))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
        }

        // A new mfa_token does not reset the counter: failures 4 and 5, the 5th locks.
        var second = await _client.FirstFactorAsync(enrolled.Session.Email);
        await (await _client.VerifyAsync(second, _factory.Code(enrolled.Secret, 7))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
        await (await _client.VerifyAsync(second, _factory.Code(enrolled.Secret, 8))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");

        var lockedSameToken = await _client.VerifyAsync(second, _factory.Code(enrolled.Secret, 1));
        var lockedNewToken = await _client.VerifyAsync(await _client.FirstFactorAsync(enrolled.Session.Email), _factory.Code(enrolled.Secret, 1));
        var lockedRecovery = await _client.VerifyAsync(await _client.FirstFactorAsync(enrolled.Session.Email), recoveryCode: enrolled.RecoveryCodes[0]);

        await lockedSameToken.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "mfa_token_invalid");
        await lockedNewToken.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "mfa_token_invalid");
        await lockedRecovery.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "mfa_token_invalid");
    }

    [Fact]
    public async Task Verify_UnknownOrForgedMfaToken_IsMfaTokenInvalid()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);

        var unknown = await _client.VerifyAsync("not-a-real-mfa-token-0123456789abcdefghijklmno", _factory.Code(enrolled.Secret, 1));
        var accessToken = await _client.VerifyAsync(enrolled.Session.AccessToken, _factory.Code(enrolled.Secret, 1));

        await unknown.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "mfa_token_invalid");
        await accessToken.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "mfa_token_invalid");
    }

    [Fact]
    public async Task MfaToken_AsBearerToken_IsUnauthenticated()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);
        var mfaToken = await _client.FirstFactorAsync(enrolled.Session.Email);

        var me = await _client.MeAsync(mfaToken);

        await me.ShouldBeUnauthenticatedAsync();
    }

    [Theory]
    [InlineData("{\"mfa_token\":\"t\"}", "code")]
    [InlineData("{\"mfa_token\":\"t\",\"code\":\"123456\",\"recovery_code\":\"abcd-efgh\"}", "code")]
    [InlineData("{\"code\":\"123456\"}", "mfa_token")]
    public async Task Verify_MalformedBody_Is400NamingTheField(string body, string field)
    {
        var verify = await _client.PostJsonAsync($"{MfaClient.Mfa}/verify", body);

        await verify.ShouldBeValidationProblemAsync(field);
    }

    [Fact]
    public async Task Verify_RecoveryCode_SignsInOnceAuditsAndMailsANotice()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);
        var code = enrolled.RecoveryCodes[3].ToUpperInvariant().Replace("-", " ", StringComparison.Ordinal);

        var verify = await _client.VerifyAsync(await _client.FirstFactorAsync(enrolled.Session.Email), recoveryCode: code);
        var again = await _client.VerifyAsync(await _client.FirstFactorAsync(enrolled.Session.Email), recoveryCode: enrolled.RecoveryCodes[3]);

        verify.StatusCode.Should().Be(HttpStatusCode.OK);
        Jwt.Payload((await verify.JsonAsync())["access_token"]!.GetValue<string>())["amr"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("pwd", "otp", "mfa");
        await again.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
        _factory.Mails.To(enrolled.Session.Email).Should().Contain(m => m.Subject.Contains("recovery code was used", StringComparison.Ordinal));
        (await AuditActionsAsync(enrolled.Session.UserId)).Should().Contain("mfa.recovery_code_used");
    }

    [Fact]
    public async Task Verify_RememberMe_IsCarriedThroughTheSecondStep()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);
        var mfaToken = await _client.FirstFactorAsync(enrolled.Session.Email, rememberMe: true);

        var verify = await _client.VerifyAsync(mfaToken, _factory.Code(enrolled.Secret, 1));

        var access = (await verify.JsonAsync())["access_token"]!.GetValue<string>();
        var sessions = await (await _client.GetAsync($"{ApiClient.Base}/sessions", access)).JsonArrayAsync();
        var current = sessions.Single(s => s!["current"]!.GetValue<bool>())!;
        DateTimeOffset.Parse(current["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(DateTimeOffset.UtcNow.AddDays(90), TimeSpan.FromMinutes(5));
        current["amr"]!.ToJsonString().Should().Contain("otp");
    }

    [Fact]
    public async Task Verify_UserDisabledAfterFirstFactor_IsMfaTokenInvalid()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);
        var mfaToken = await _client.FirstFactorAsync(enrolled.Session.Email);
        await _factory.UpdateUserAsync(enrolled.Session.Email, u => u.SetActive(false, DateTimeOffset.UtcNow));

        var verify = await _client.VerifyAsync(mfaToken, _factory.Code(enrolled.Secret, 1));

        await verify.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "mfa_token_invalid");
    }

    [Fact]
    public async Task Disable_WithCode_TurnsMfaOffAuditsAndMails()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);

        var disable = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/disable", new { code = _factory.Code(enrolled.Secret, 1) }, enrolled.Session.AccessToken);

        disable.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var login = await (await _client.LoginAsync(enrolled.Session.Email)).JsonAsync();
        login["mfa_required"]!.GetValue<bool>().Should().BeFalse();
        login["user"]!["mfa_enabled"]!.GetValue<bool>().Should().BeFalse();
        _factory.Mails.To(enrolled.Session.Email).Should().Contain(m => m.Subject.Contains("Two-factor authentication was turned off", StringComparison.Ordinal));
        (await AuditActionsAsync(enrolled.Session.UserId)).Should().Contain("mfa.disabled");
        (await RecoveryCodeCountAsync(enrolled.Session.UserId)).Should().Be(0);
    }

    [Fact]
    public async Task Disable_WithCurrentPassword_TurnsMfaOff()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);

        var disable = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/disable", new { current_password = ApiClient.StrongPassword }, enrolled.Session.AccessToken);

        disable.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await _client.MeAsync(enrolled.Session.AccessToken)).JsonAsync())["mfa_enabled"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Disable_WrongProofs_AreRefusedAndMfaStaysOn()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);

        var wrongPassword = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/disable", new { current_password = "not the password at all" }, enrolled.Session.AccessToken);
        var wrongCode = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/disable", new { code = _factory.Code(enrolled.Secret, 6) }, enrolled.Session.AccessToken);
        var replayedCode = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/disable", new { code = _factory.Code(enrolled.Secret) }, enrolled.Session.AccessToken);
        var nothing = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/disable", new { }, enrolled.Session.AccessToken);

        await wrongPassword.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "invalid_current_password");
        await wrongCode.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
        await replayedCode.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
        await nothing.ShouldBeValidationProblemAsync("code");
        (await (await _client.MeAsync(enrolled.Session.AccessToken)).JsonAsync())["mfa_enabled"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Disable_WhenOff_Is409()
    {
        var session = await _client.NewSessionAsync();

        var disable = await _client.PostJsonAsync($"{MfaClient.Mfa}/totp/disable", new { current_password = ApiClient.StrongPassword }, session.AccessToken);

        await disable.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task RecoveryCodes_Regenerate_OldCodesStopWorkingNewOnesWork()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);

        var regenerate = await _client.PostJsonAsync($"{MfaClient.Mfa}/recovery-codes", new { code = _factory.Code(enrolled.Secret, 1) }, enrolled.Session.AccessToken);

        regenerate.StatusCode.Should().Be(HttpStatusCode.OK);
        regenerate.Headers.CacheControl!.NoStore.Should().BeTrue();
        var fresh = (await regenerate.JsonAsync())["recovery_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        fresh.Should().HaveCount(10).And.NotIntersectWith(enrolled.RecoveryCodes);
        var old = await _client.VerifyAsync(await _client.FirstFactorAsync(enrolled.Session.Email), recoveryCode: enrolled.RecoveryCodes[0]);
        await old.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
        (await _client.VerifyAsync(await _client.FirstFactorAsync(enrolled.Session.Email), recoveryCode: fresh[0])).StatusCode.Should().Be(HttpStatusCode.OK);
        _factory.Mails.To(enrolled.Session.Email).Should().Contain(m => m.Subject.Contains("New recovery codes", StringComparison.Ordinal));
        (await AuditActionsAsync(enrolled.Session.UserId)).Should().Contain("mfa.recovery_codes_regenerated");
    }

    [Fact]
    public async Task RecoveryCodes_WrongCodeOrMfaOff_AreRefused()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);
        var plain = await _client.NewSessionAsync();

        var wrong = await _client.PostJsonAsync($"{MfaClient.Mfa}/recovery-codes", new { code = _factory.Code(enrolled.Secret, 9) }, enrolled.Session.AccessToken);
        var off = await _client.PostJsonAsync($"{MfaClient.Mfa}/recovery-codes", new { code = "123456" }, plain.AccessToken);

        await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
        await off.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Secrets_AreStoredEncryptedAndRecoveryCodesAsDigests()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == enrolled.Session.UserId);
        var hashes = await db.RecoveryCodes.AsNoTracking().Where(c => c.UserId == enrolled.Session.UserId).Select(c => c.CodeHash).ToListAsync();

        user.TotpSecret.Should().NotBeNullOrEmpty().And.NotContain(enrolled.Secret);
        user.PendingTotpSecret.Should().BeNull();
        hashes.Should().HaveCount(10).And.OnlyContain(h => h.Length == 64);
        hashes.Should().NotIntersectWith(enrolled.RecoveryCodes);
        (await db.DataProtectionKeys.CountAsync()).Should().BeGreaterThan(0, "the key ring lives in the database when Redis is not used");
    }

    [Fact]
    public async Task AdminReset_TurnsMfaOffAuditsAndMails()
    {
        var admin = await _factory.AdminAsync(_client);
        var enrolled = await _client.EnrolledUserAsync(_factory);

        var reset = await _client.PostJsonAsync($"{ApiClient.Base}/admin/users/{enrolled.Session.UserId}/mfa/reset", null, admin.AccessToken);

        reset.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var login = await (await _client.LoginAsync(enrolled.Session.Email)).JsonAsync();
        login["mfa_required"]!.GetValue<bool>().Should().BeFalse();
        (await RecoveryCodeCountAsync(enrolled.Session.UserId)).Should().Be(0);
        (await AuditActionsAsync(enrolled.Session.UserId)).Should().Contain("user.mfa_reset");
        _factory.Mails.To(enrolled.Session.Email).Should().Contain(m => m.Subject.Contains("Two-factor authentication was turned off", StringComparison.Ordinal));
        (await _client.SetupAsync(login["access_token"]!.GetValue<string>()))["secret"]!.GetValue<string>().Should().NotBe(enrolled.Secret);
    }

    [Fact]
    public async Task Config_ReportsMfaAvailable()
    {
        var config = await (await _client.GetAsync("/api/v1/config")).JsonAsync();

        config["mfa"]!.GetValue<bool>().Should().BeTrue();
    }

    private async Task<List<string>> AuditActionsAsync(string userId)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(a => a.TargetId == userId).Select(a => a.Action).ToListAsync();
    }

    private async Task<int> RecoveryCodeCountAsync(string userId)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().RecoveryCodes.CountAsync(c => c.UserId == userId);
    }
}
