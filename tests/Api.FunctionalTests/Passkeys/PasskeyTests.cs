using System.Buffers.Text;
using System.Net;
using System.Text.Json.Nodes;
using FullAuth.Api.FunctionalTests.Infrastructure;
using FullAuth.Api.FunctionalTests.Mfa;
using static FullAuth.Api.FunctionalTests.Infrastructure.ApiClient;
using static FullAuth.Api.FunctionalTests.Passkeys.PasskeyClient;

namespace FullAuth.Api.FunctionalTests.Passkeys;

/// <summary>The passkey routes of API.md through the real API with a software authenticator.</summary>
public sealed class PasskeyTests : IAsyncLifetime
{
    private readonly PasskeyFactory _factory = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task RegisterBegin_AnswersCreationOptionsTheBrowserParsesAsTheyAre()
    {
        var session = await _client.NewSessionAsync();

        var options = await _client.BeginRegistrationAsync(session.AccessToken);

        options["rp"]!["id"]!.GetValue<string>().Should().Be("localhost");
        options["rp"]!["name"]!.GetValue<string>().Should().Be("localhost");
        Base64Url.DecodeFromChars(options["user"]!["id"]!.GetValue<string>()).Should().HaveCount(32, "a random user handle, never the id or the email");
        options["user"]!["name"]!.GetValue<string>().Should().Be(session.Email);
        options["user"]!["displayName"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        var challenge = options["challenge"]!.GetValue<string>();
        challenge.Should().NotContain("=");
        Base64Url.DecodeFromChars(challenge).Should().HaveCount(32);
        options["pubKeyCredParams"]!.AsArray().Select(p => p!["alg"]!.GetValue<int>()).Should().Equal(-8, -7, -257);
        options["pubKeyCredParams"]!.AsArray().Should().OnlyContain(p => p!["type"]!.GetValue<string>() == "public-key");
        options["timeout"]!.GetValue<long>().Should().Be(300_000);
        options["excludeCredentials"]!.AsArray().Should().BeEmpty();
        options["authenticatorSelection"]!["residentKey"]!.GetValue<string>().Should().Be("required");
        options["authenticatorSelection"]!["requireResidentKey"]!.GetValue<bool>().Should().BeTrue();
        options["authenticatorSelection"]!["userVerification"]!.GetValue<string>().Should().Be("preferred");
        options["attestation"]!.GetValue<string>().Should().Be("none");
        options.ContainsKey("pub_key_cred_params").Should().BeFalse("the WebAuthn members keep their camelCase");
    }

    [Theory]
    [InlineData(-7)]
    [InlineData(-257)]
    [InlineData(-8)]
    public async Task RegisterThenDiscoverableSignIn_WithUserVerification_SignsInWithWebAuthnAndMfa(int algorithm)
    {
        var session = await _client.NewSessionAsync();
        using var authenticator = new SoftAuthenticator(PasskeyFactory.Origin, algorithm);

        var passkey = await _client.AddPasskeyAsync(session, authenticator, "Laptop");

        passkey["name"]!.GetValue<string>().Should().Be("Laptop");
        passkey["credential_id"]!.GetValue<string>().Should().Be(authenticator.CredentialIdText);
        passkey["aaguid"]!.GetValue<string>().Should().Be(Guid.Empty.ToString());
        passkey["transports"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("internal", "hybrid");
        passkey["backed_up"]!.GetValue<bool>().Should().BeFalse();
        passkey["last_used_at"].Should().BeNull();

        var options = await _client.BeginAuthenticationAsync();
        options["allowCredentials"]!.AsArray().Should().BeEmpty();
        options["rpId"]!.GetValue<string>().Should().Be("localhost");
        options["userVerification"]!.GetValue<string>().Should().Be("preferred");
        var signIn = await _client.CompleteAuthenticationAsync(authenticator.Assert(options));

        signIn.StatusCode.Should().Be(HttpStatusCode.OK, await signIn.Content.ReadAsStringAsync());
        var body = await signIn.JsonAsync();
        body["user"]!["id"]!.GetValue<string>().Should().Be(session.UserId);
        Jwt.Payload(body["access_token"]!.GetValue<string>())["amr"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("webauthn", "mfa");
        (await _client.MeAsync(body["access_token"]!.GetValue<string>())).StatusCode.Should().Be(HttpStatusCode.OK);

        var listed = (await (await _client.GetAsync(Route, session.AccessToken)).JsonArrayAsync()).Single()!;
        listed["last_used_at"].Should().NotBeNull();
    }

    [Fact]
    public async Task SignIn_WithoutUserVerification_IsOneFactor()
    {
        var session = await _client.NewSessionAsync();
        using var authenticator = new SoftAuthenticator(PasskeyFactory.Origin);
        await _client.AddPasskeyAsync(session, authenticator);
        authenticator.UserVerified = false;

        var signIn = await _client.PasskeySignInAsync(authenticator);

        signIn.StatusCode.Should().Be(HttpStatusCode.OK);
        Jwt.Payload((await signIn.JsonAsync())["access_token"]!.GetValue<string>())["amr"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("webauthn");
    }

    [Fact]
    public async Task SignIn_UserWithTotp_WithoutUvIsChallenged_WithUvIsNot()
    {
        var enrolled = await _client.EnrolledUserAsync(_factory);
        using var authenticator = new SoftAuthenticator(PasskeyFactory.Origin);
        await _client.AddPasskeyAsync(enrolled.Session, authenticator);

        authenticator.UserVerified = false;
        var withoutUv = await (await _client.PasskeySignInAsync(authenticator)).JsonAsync();
        withoutUv["mfa_required"]!.GetValue<bool>().Should().BeTrue("a passkey without UV is a first factor (Mfa:Methods lists webauthn-without-uv)");
        withoutUv.ContainsKey("access_token").Should().BeFalse();
        var verified = await _client.VerifyAsync(withoutUv["mfa_token"]!.GetValue<string>(), _factory.Code(enrolled.Secret, 1));
        verified.StatusCode.Should().Be(HttpStatusCode.OK, await verified.Content.ReadAsStringAsync());

        authenticator.UserVerified = true;
        var withUv = await (await _client.PasskeySignInAsync(authenticator)).JsonAsync();
        withUv.ContainsKey("access_token").Should().BeTrue("a passkey with UV is already two factors");
    }

    [Fact]
    public async Task SignIn_ReplayedAssertion_IsRefused()
    {
        var session = await _client.NewSessionAsync();
        using var authenticator = new SoftAuthenticator(PasskeyFactory.Origin);
        await _client.AddPasskeyAsync(session, authenticator);
        var assertion = authenticator.Assert(await _client.BeginAuthenticationAsync());

        (await _client.CompleteAuthenticationAsync(assertion)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await _client.CompleteAuthenticationAsync(assertion)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task SignIn_FailedAttempt_StillConsumesTheChallenge()
    {
        var session = await _client.NewSessionAsync();
        using var authenticator = new SoftAuthenticator(PasskeyFactory.Origin);
        await _client.AddPasskeyAsync(session, authenticator);
        var options = await _client.BeginAuthenticationAsync();

        authenticator.Origin = "http://localhost:9999";
        await (await _client.CompleteAuthenticationAsync(authenticator.Assert(options))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        authenticator.Origin = PasskeyFactory.Origin;
        await (await _client.CompleteAuthenticationAsync(authenticator.Assert(options))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task SignIn_CounterRegression_IsRefusedAsAClone()
    {
        var session = await _client.NewSessionAsync();
        using var authenticator = new SoftAuthenticator(PasskeyFactory.Origin);
        await _client.AddPasskeyAsync(session, authenticator);
        (await _client.PasskeySignInAsync(authenticator)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.PasskeySignInAsync(authenticator)).StatusCode.Should().Be(HttpStatusCode.OK);

        authenticator.Counter = 0;
        var clone = await _client.PasskeySignInAsync(authenticator);

        await clone.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task SignIn_PasskeysThatNeverCount_StayAllowed()
    {
        var session = await _client.NewSessionAsync();
        using var authenticator = new SoftAuthenticator(PasskeyFactory.Origin) { Counts = false };
        await _client.AddPasskeyAsync(session, authenticator);

        for (var i = 0; i < 2; i++)
        {
            (await _client.PasskeySignInAsync(authenticator)).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task SignIn_UserHandleOfAnotherAccount_IsRefused()
    {
        var alice = await _client.NewSessionAsync();
        var bob = await _client.NewSessionAsync();
        using var aliceKey = new SoftAuthenticator(PasskeyFactory.Origin);
        using var bobKey = new SoftAuthenticator(PasskeyFactory.Origin);
        await _client.AddPasskeyAsync(alice, aliceKey);
        await _client.AddPasskeyAsync(bob, bobKey);

        aliceKey.UserHandle = bobKey.UserHandle;
        var signIn = await _client.PasskeySignInAsync(aliceKey);

        await signIn.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task SignIn_DiscoverableWithoutUserHandle_IsRefused()
    {
        var session = await _client.NewSessionAsync();
        using var authenticator = new SoftAuthenticator(PasskeyFactory.Origin);
        await _client.AddPasskeyAsync(session, authenticator);
        authenticator.UserHandle = null;

        await (await _client.PasskeySignInAsync(authenticator)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await _client.PasskeySignInAsync(authenticator, session.Email)).StatusCode.Should().Be(HttpStatusCode.OK, "with the email the user was identified first");
    }

    [Fact]
    public async Task SignIn_WithEmail_AllowCredentialsEmptyForEveryAddress_AndOnlyThatAccountsCredentialPasses()
    {
        var alice = await _client.NewSessionAsync();
        var bob = await _client.NewSessionAsync();
        using var aliceKey = new SoftAuthenticator(PasskeyFactory.Origin);
        await _client.AddPasskeyAsync(alice, aliceKey);

        var known = await _client.BeginAuthenticationAsync(alice.Email);
        var unknown = await _client.BeginAuthenticationAsync(NewEmail());
        known["allowCredentials"]!.AsArray().Should().BeEmpty();
        unknown["allowCredentials"]!.AsArray().Should().BeEmpty();
        known.Select(p => p.Key).Should().BeEquivalentTo(unknown.Select(p => p.Key));

        var asBob = await _client.CompleteAuthenticationAsync(aliceKey.Assert(await _client.BeginAuthenticationAsync(bob.Email)));
        await asBob.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await _client.CompleteAuthenticationAsync(aliceKey.Assert(known))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_EnumerationPreventionOff_ListsTheAccountsCredentials()
    {
        await using var factory = new PasskeyFactory(("FullAuth:PreventEnumeration", "false"));
        var client = factory.CreateClient();
        var session = await client.NewSessionAsync();
        using var authenticator = new SoftAuthenticator(PasskeyFactory.Origin);
        await client.AddPasskeyAsync(session, authenticator);

        var options = await client.BeginAuthenticationAsync(session.Email);

        options["allowCredentials"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).Should().Equal(authenticator.CredentialIdText);
        options["allowCredentials"]![0]!["transports"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("internal", "hybrid");
        (await client.BeginAuthenticationAsync(NewEmail()))["allowCredentials"]!.AsArray().Should().BeEmpty();
        (await client.CompleteAuthenticationAsync(authenticator.Assert(options))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_InactiveUser_IsRefusedLikeEveryOtherFailure()
    {
        var session = await _client.NewSessionAsync();
        using var authenticator = new SoftAuthenticator(PasskeyFactory.Origin);
        await _client.AddPasskeyAsync(session, authenticator);
        await _factory.UpdateUserAsync(session.Email, u => u.SetActive(false, DateTimeOffset.UtcNow));

        await (await _client.PasskeySignInAsync(authenticator)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task RegisterComplete_ChallengeOfAnotherUser_IsRefusedAndConsumed()
    {
        var alice = await _client.NewSessionAsync();
        var bob = await _client.NewSessionAsync();
        using var authenticator = new SoftAuthenticator(PasskeyFactory.Origin);
        var credential = authenticator.Register(await _client.BeginRegistrationAsync(alice.AccessToken));

        await (await _client.CompleteRegistrationAsync(bob.AccessToken, credential)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "passkey_failed");
        await (await _client.CompleteRegistrationAsync(alice.AccessToken, credential)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "passkey_failed");
        (await (await _client.GetAsync(Route, bob.AccessToken)).JsonArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task RegisterComplete_AuthenticationChallengeOrAssertionType_IsRefused()
    {
        var session = await _client.NewSessionAsync();
        using var authenticator = new SoftAuthenticator(PasskeyFactory.Origin);
        var registration = await _client.BeginRegistrationAsync(session.AccessToken);

        var asGet = authenticator.Register(registration, type: "webauthn.get");
        await (await _client.CompleteRegistrationAsync(session.AccessToken, asGet)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "passkey_failed");

        var getOptions = await _client.BeginAuthenticationAsync();
        registration["challenge"] = getOptions["challenge"]!.GetValue<string>();
        var withGetChallenge = authenticator.Register(registration);
        await (await _client.CompleteRegistrationAsync(session.AccessToken, withGetChallenge)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "passkey_failed");
    }

    [Fact]
    public async Task RegisterComplete_WrongOrigin_IsRefused()
    {
        var session = await _client.NewSessionAsync();
        using var authenticator = new SoftAuthenticator("http://localhost:5174");

        var complete = await _client.CompleteRegistrationAsync(session.AccessToken, authenticator.Register(await _client.BeginRegistrationAsync(session.AccessToken)));

        var problem = await complete.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "passkey_failed");
        problem.ToJsonString().Should().NotContain("origin", "the cause is logged, never returned");
    }

    [Fact]
    public async Task RegisterComplete_CredentialIdOfAnotherAccount_IsRefused()
    {
        var alice = await _client.NewSessionAsync();
        var bob = await _client.NewSessionAsync();
        using var aliceKey = new SoftAuthenticator(PasskeyFactory.Origin);
        using var bobKey = new SoftAuthenticator(PasskeyFactory.Origin) { CredentialId = aliceKey.CredentialId };
        await _client.AddPasskeyAsync(alice, aliceKey);

        var complete = await _client.CompleteRegistrationAsync(bob.AccessToken, bobKey.Register(await _client.BeginRegistrationAsync(bob.AccessToken)));

        await complete.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "passkey_failed");
        (await _client.PasskeySignInAsync(aliceKey)).StatusCode.Should().Be(HttpStatusCode.OK, "the existing credential is untouched");
    }

    [Fact]
    public async Task RegisterBegin_SecondPasskey_ExcludesTheFirstAndKeepsTheUserHandle()
    {
        var session = await _client.NewSessionAsync();
        using var first = new SoftAuthenticator(PasskeyFactory.Origin);
        await _client.AddPasskeyAsync(session, first);

        var options = await _client.BeginRegistrationAsync(session.AccessToken);

        options["excludeCredentials"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).Should().Equal(first.CredentialIdText);
        Base64Url.DecodeFromChars(options["user"]!["id"]!.GetValue<string>()).Should().Equal(first.UserHandle);
    }

    [Fact]
    public async Task RegisterComplete_SendsThePasskeyAddedNotice()
    {
        var session = await _client.NewSessionAsync();
        using var authenticator = new SoftAuthenticator(PasskeyFactory.Origin);
        var options = await _client.BeginRegistrationAsync(session.AccessToken);

        var complete = await _client.SendJsonAsync(HttpMethod.Post, $"{Route}/register/complete", new JsonObject { ["credential"] = authenticator.Register(options), ["name"] = "Work phone" }, session.AccessToken, peer: "203.0.113.7", userAgent: "NoticeTest/1.0");
        complete.StatusCode.Should().Be(HttpStatusCode.Created);

        var notice = _factory.Mails.To(session.Email).Should().ContainSingle(m => m.Subject.Contains("passkey was added")).Subject;
        notice.Text.Should().Contain("Work phone").And.Contain("203.0.113.7").And.Contain("NoticeTest/1.0").And.Contain("If it was not you");
    }

    [Fact]
    public async Task RenameAndDelete_OwnPasskey_Work_AnotherUsersIsNotFound()
    {
        var alice = await _client.NewSessionAsync();
        var bob = await _client.NewSessionAsync();
        using var authenticator = new SoftAuthenticator(PasskeyFactory.Origin);
        var id = (await _client.AddPasskeyAsync(alice, authenticator))["id"]!.GetValue<string>();

        (await _client.PatchJsonAsync($"{Route}/{id}", new { name = "Bob's now" }, bob.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.DeleteAsync($"{Route}/{id}", bob.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await (await _client.PatchJsonAsync($"{Route}/{id}", new { name = "" }, alice.AccessToken)).ShouldBeValidationProblemAsync("name");
        await (await _client.PatchJsonAsync($"{Route}/{id}", new { }, alice.AccessToken)).ShouldBeValidationProblemAsync("name");

        var renamed = await _client.PatchJsonAsync($"{Route}/{id}", new { name = "  YubiKey  " }, alice.AccessToken);
        renamed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await renamed.JsonAsync())["name"]!.GetValue<string>().Should().Be("YubiKey");

        (await _client.DeleteAsync($"{Route}/{id}", alice.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await _client.GetAsync(Route, alice.AccessToken)).JsonArrayAsync()).Should().BeEmpty();
        await (await _client.PasskeySignInAsync(authenticator)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Routes_NeedAnAccessToken_ExceptSignIn()
    {
        (await _client.PostJsonAsync($"{Route}/register/begin", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _client.PostJsonAsync($"{Route}/register/complete", new { credential = new { } })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _client.GetAsync(Route, null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _client.DeleteAsync($"{Route}/x", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _client.PostJsonAsync($"{Route}/authenticate/begin", null)).StatusCode.Should().Be(HttpStatusCode.OK, "the body is optional");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"credential\":null}")]
    [InlineData("{\"credential\":\"abc\"}")]
    [InlineData("{\"credential\":[1,2]}")]
    public async Task Complete_WithoutACredentialObject_IsAValidationProblemNamingCredential(string body)
    {
        var session = await _client.NewSessionAsync();

        await (await _client.PostJsonAsync($"{Route}/register/complete", body, session.AccessToken)).ShouldBeValidationProblemAsync("credential");
        await (await _client.PostJsonAsync($"{Route}/authenticate/complete", body)).ShouldBeValidationProblemAsync("credential");
    }

    [Theory]
    [InlineData("{\"credential\":{}}")]
    [InlineData("{\"credential\":{\"id\":\"!!\",\"rawId\":\"!!\",\"type\":\"public-key\",\"response\":{}}}")]
    [InlineData("{\"credential\":{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\"}}}")]
    [InlineData("{\"credential\":{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"_w\",\"attestationObject\":\"oA\"}}}")]
    public async Task Complete_GarbageCredential_IsTheUniformFailure(string body)
    {
        var session = await _client.NewSessionAsync();

        await (await _client.PostJsonAsync($"{Route}/register/complete", body, session.AccessToken)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "passkey_failed");
        await (await _client.PostJsonAsync($"{Route}/authenticate/complete", body)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task AuthenticateBegin_InvalidEmail_NamesTheField()
    {
        await (await _client.PostJsonAsync($"{Route}/authenticate/begin", new { email = "not an email" })).ShouldBeValidationProblemAsync("email");
    }

    [Fact]
    public async Task AuthenticateBeginAndComplete_CountInThePasskeyBucket()
    {
        await using var factory = new PasskeyFactory(("FullAuth:RateLimits:Passkey", "2"));
        var client = factory.CreateClient();

        const string peer = "198.51.100.9";

        (await client.SendJsonAsync(HttpMethod.Post, $"{Route}/authenticate/begin", new { }, peer: peer)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await client.SendJsonAsync(HttpMethod.Post, $"{Route}/authenticate/complete", new { credential = new { } }, peer: peer)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var limited = await client.SendJsonAsync(HttpMethod.Post, $"{Route}/authenticate/begin", new { }, peer: peer);
        var otherPeer = await client.SendJsonAsync(HttpMethod.Post, $"{Route}/authenticate/begin", new { }, peer: "198.51.100.10");

        otherPeer.StatusCode.Should().Be(HttpStatusCode.OK, "the bucket is per client address");
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        limited.Headers.RetryAfter.Should().NotBeNull();
    }

    [Fact]
    public async Task PasskeysOff_EveryRouteIsNotFound_AndConfigSaysSo()
    {
        await using var factory = new FullAuthFactory();
        var client = factory.CreateClient();
        var session = await client.NewSessionAsync();

        (await client.PostJsonAsync($"{Route}/register/begin", null, session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.PostJsonAsync($"{Route}/authenticate/begin", new { })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync(Route, session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await client.GetAsync("/api/v1/config", null)).JsonAsync())["passkeys"]!.GetValue<bool>().Should().BeFalse();
        (await (await _client.GetAsync("/api/v1/config", null)).JsonAsync())["passkeys"]!.GetValue<bool>().Should().BeTrue();
    }
}
