using System.Net;
using System.Globalization;
using FullAuth.Api.FunctionalTests.Email;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests.OAuth;

/// <summary>Linking while signed in, listing and unlinking, against the real OpenID provider.</summary>
public sealed class OidcLinkTests(OidcServer server) : IClassFixture<OidcServer>, IAsyncDisposable
{
    private FullAuthFactory? _factory;

    private FullAuthFactory Factory
    {
        get
        {
            server.RequireAvailable();
            return _factory ??= FullAuthFactory.With(server.Settings());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    [Fact]
    public async Task LinkCallback_NewIdentity_LinksToTheCallerAndSignsInLater()
    {
        var client = Factory.CreateClient();
        var session = await client.NewSessionAsync();
        var identity = ApiClient.NewEmail("linked");

        var response = await LinkAsync(client, session, identity);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        body["provider"]!.GetValue<string>().Should().Be("oidc-test");
        body["provider_user_id"]!.GetValue<string>().Should().Be(identity);
        body["email"]!.GetValue<string>().Should().Be(identity);
        var signedIn = await (await client.SignInWithOidcAsync(identity)).JsonAsync();
        signedIn["user"]!["id"]!.GetValue<string>().Should().Be(session.UserId);
    }

    [Fact]
    public async Task LinkCallback_IdentityOfAnotherAccount_IsConflict()
    {
        var client = Factory.CreateClient();
        var identity = ApiClient.NewEmail("taken");
        (await client.SignInWithOidcAsync(identity)).StatusCode.Should().Be(HttpStatusCode.OK);
        var session = await client.NewSessionAsync();

        var response = await LinkAsync(client, session, identity);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        problem.ToJsonString().Should().NotContain(identity);
    }

    [Fact]
    public async Task LinkCallback_SecondAccountOfTheSameProvider_IsConflict()
    {
        var client = Factory.CreateClient();
        var session = await client.NewSessionAsync();
        (await LinkAsync(client, session, ApiClient.NewEmail("first"))).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await LinkAsync(client, session, ApiClient.NewEmail("second"));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task LinkCallback_StateOfAnotherUserOrTheSignInFlow_IsOAuthFailed()
    {
        var client = Factory.CreateClient();
        var alice = await client.NewSessionAsync();
        var bob = await client.NewSessionAsync();
        var started = await client.StartLinkAsync("oidc-test", alice.AccessToken);
        var (code, state) = await ProviderLogin.CompleteAsync(started.AuthorizationUrl, ApiClient.NewEmail("stolen"));

        await (await client.CallbackAsync("oidc-test", code, state, started.Binding, bearer: bob.AccessToken, link: true)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");

        var signIn = await client.StartAsync("oidc-test");
        var (code2, state2) = await ProviderLogin.CompleteAsync(signIn.AuthorizationUrl, ApiClient.NewEmail("flow"));
        await (await client.CallbackAsync("oidc-test", code2, state2, signIn.Binding, bearer: alice.AccessToken, link: true)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
    }

    [Fact]
    public async Task Link_WithoutRecentAuthentication_IsReauthenticationRequired()
    {
        await using var factory = FullAuthFactory.With(server.Settings(("FullAuth:Security:ReauthenticationWindow", "00:00:01")));
        var client = factory.CreateClient();
        var session = await client.NewSessionAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.2));

        var link = await client.PostJsonAsync($"{ApiClient.Base}/oauth/oidc-test/link", new { redirect_uri = OidcServer.RedirectUri }, session.AccessToken);
        var unlink = await client.DeleteAsync($"{ApiClient.Base}/oauth/accounts/oidc-test", session.AccessToken);

        await link.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "reauthentication_required");
        await unlink.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "reauthentication_required");
    }

    [Fact]
    public async Task Routes_WithoutAccessToken_AreUnauthenticated()
    {
        var client = Factory.CreateClient();

        await (await client.GetAsync($"{ApiClient.Base}/oauth/accounts", null)).ShouldBeUnauthenticatedAsync();
        await (await client.PostJsonAsync($"{ApiClient.Base}/oauth/oidc-test/link", new { redirect_uri = OidcServer.RedirectUri })).ShouldBeUnauthenticatedAsync();
        await (await client.DeleteAsync($"{ApiClient.Base}/oauth/accounts/oidc-test", null)).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Unlink_OnlyWayIn_IsLastLoginMethod()
    {
        var client = Factory.CreateClient();
        var signedIn = await (await client.SignInWithOidcAsync(ApiClient.NewEmail("only"))).JsonAsync();

        var response = await client.DeleteAsync($"{ApiClient.Base}/oauth/accounts/oidc-test", signedIn["access_token"]!.GetValue<string>());

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "last_login_method");
    }

    [Fact]
    public async Task Unlink_WithAPassword_RemovesTheLink()
    {
        var client = Factory.CreateClient();
        var session = await client.NewSessionAsync();
        (await LinkAsync(client, session, ApiClient.NewEmail("gone"))).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await client.DeleteAsync($"{ApiClient.Base}/oauth/accounts/oidc-test", session.AccessToken);
        var again = await client.DeleteAsync($"{ApiClient.Base}/oauth/accounts/oidc-test", session.AccessToken);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await again.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await (await client.GetAsync($"{ApiClient.Base}/oauth/accounts", session.AccessToken)).JsonArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task LinkCallback_MailsTheOwnerASecurityNotice()
    {
        server.RequireAvailable();
        using var smtp = await SmtpSink.StartAsync();
        await using var factory = FullAuthFactory.With(server.Settings(
            ("FullAuth:Email:Transport", "smtp"),
            ("FullAuth:Email:Smtp:Host", "127.0.0.1"),
            ("FullAuth:Email:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture)),
            ("FullAuth:Email:Smtp:Security", "None")));
        var client = factory.CreateClient();
        var session = await client.NewSessionAsync();

        (await LinkAsync(client, session, ApiClient.NewEmail("notice"))).StatusCode.Should().Be(HttpStatusCode.OK);

        var mail = await smtp.WaitForMailAsync(session.Email, "provider was linked");
        mail.TextBody.Should().Contain("Test OpenID");
    }

    private static async Task<HttpResponseMessage> LinkAsync(HttpClient client, Session session, string identity)
    {
        var started = await client.StartLinkAsync("oidc-test", session.AccessToken);
        var (code, state) = await ProviderLogin.CompleteAsync(started.AuthorizationUrl, identity);
        return await client.CallbackAsync("oidc-test", code, state, started.Binding, bearer: session.AccessToken, link: true);
    }
}
