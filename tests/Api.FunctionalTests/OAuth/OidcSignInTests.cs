using System.Net;
using System.Web;
using FullAuth.Api.FunctionalTests.Infrastructure;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.OAuth.Common;
using FullAuth.Infrastructure.Persistence;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullAuth.Api.FunctionalTests.OAuth;

/// <summary>Sign-in through a real OpenID provider (oidc-provider on Node) configured as <c>oidc-test</c>.</summary>
public sealed class OidcSignInTests(OidcServer server) : IClassFixture<OidcServer>, IAsyncDisposable
{
    private FullAuthFactory? _factory;

    private FullAuthFactory Factory => _factory ??= Create();

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    [Fact]
    public async Task Callback_NewIdentity_CreatesVerifiedPasswordlessAccountAndSignsIn()
    {
        var client = Factory.CreateClient();
        var email = ApiClient.NewEmail("oidc");

        var response = await client.SignInWithOidcAsync(email);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = await response.JsonAsync();
        body["mfa_required"]!.GetValue<bool>().Should().BeFalse();
        body["user"]!["email"]!.GetValue<string>().Should().Be(email);
        body["user"]!["email_verified"]!.GetValue<bool>().Should().BeTrue();
        body["user"]!["has_password"]!.GetValue<bool>().Should().BeFalse();
        var access = body["access_token"]!.GetValue<string>();
        Jwt.Payload(access)["amr"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("oauth");

        var accounts = await (await client.GetAsync($"{ApiClient.Base}/oauth/accounts", access)).JsonArrayAsync();
        accounts.Should().ContainSingle();
        accounts[0]!["provider"]!.GetValue<string>().Should().Be("oidc-test");
        accounts[0]!["provider_user_id"]!.GetValue<string>().Should().Be(email);
        accounts[0]!["email"]!.GetValue<string>().Should().Be(email);
        accounts[0]!["created_at"].Should().NotBeNull();
    }

    [Fact]
    public async Task Callback_LinkedIdentity_SignsInTheSameUser()
    {
        var client = Factory.CreateClient();
        var email = ApiClient.NewEmail("again");
        var first = await (await client.SignInWithOidcAsync(email)).JsonAsync();

        var second = await client.SignInWithOidcAsync(email);

        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.JsonAsync())["user"]!["id"]!.GetValue<string>().Should().Be(first["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Callback_StateReplayed_IsOAuthFailed()
    {
        var client = Factory.CreateClient();
        var started = await client.StartAsync("oidc-test");
        var (code, state) = await ProviderLogin.CompleteAsync(started.AuthorizationUrl, ApiClient.NewEmail("replay"));
        (await client.CallbackAsync("oidc-test", code, state, started.Binding)).StatusCode.Should().Be(HttpStatusCode.OK);

        var replay = await client.CallbackAsync("oidc-test", code, state, started.Binding);

        await replay.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
    }

    [Fact]
    public async Task Authorize_RedirectUriNotAllowed_IsOAuthFailed()
    {
        var client = Factory.CreateClient();

        var wrong = await client.AuthorizeAsync("oidc-test", redirectUri: "http://localhost:3000/oauth/callback/");
        var missing = await client.GetAsync($"{ApiClient.Base}/oauth/oidc-test/authorize");

        await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
        await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
        wrong.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    [Fact]
    public async Task Callback_TamperedState_IsOAuthFailedAndConsumesNothingElse()
    {
        var client = Factory.CreateClient();
        var started = await client.StartAsync("oidc-test");
        var (code, state) = await ProviderLogin.CompleteAsync(started.AuthorizationUrl, ApiClient.NewEmail("tamper"));
        var tampered = (state[0] == 'A' ? "B" : "A") + state[1..];

        var response = await client.CallbackAsync("oidc-test", code, tampered, started.Binding);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
        (await client.CallbackAsync("oidc-test", code, state, started.Binding)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Callback_WithoutOrWithAnotherBindingCookie_IsOAuthFailedAndConsumesTheState()
    {
        var client = Factory.CreateClient();
        var started = await client.StartAsync("oidc-test");
        var other = await client.StartAsync("oidc-test");
        var (code, state) = await ProviderLogin.CompleteAsync(started.AuthorizationUrl, ApiClient.NewEmail("binding"));

        await (await client.CallbackAsync("oidc-test", code, state, other.Binding)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
        await (await client.CallbackAsync("oidc-test", code, state, started.Binding)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");

        var again = await client.StartAsync("oidc-test");
        var (code2, state2) = await ProviderLogin.CompleteAsync(again.AuthorizationUrl, ApiClient.NewEmail("binding"));
        await (await client.CallbackAsync("oidc-test", code2, state2, binding: null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
    }

    [Fact]
    public async Task Callback_IdTokenWithAnotherNonce_IsOAuthFailed()
    {
        var client = Factory.CreateClient();
        var started = await client.StartAsync("oidc-test");
        var url = new UriBuilder(started.AuthorizationUrl);
        var query = HttpUtility.ParseQueryString(url.Query);
        query["nonce"] = "not-the-nonce-fullauth-sent";
        url.Query = query.ToString();
        var (code, state) = await ProviderLogin.CompleteAsync(url.ToString(), ApiClient.NewEmail("nonce"));

        var response = await client.CallbackAsync("oidc-test", code, state, started.Binding);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
    }

    [Fact]
    public async Task AuthorizationUrl_CarriesPkceS256NonceAndState()
    {
        var client = Factory.CreateClient();
        var started = await client.StartAsync("oidc-test");

        var query = HttpUtility.ParseQueryString(new Uri(started.AuthorizationUrl).Query);

        started.AuthorizationUrl.Should().StartWith($"{server.Issuer}/auth?");
        query["code_challenge_method"].Should().Be("S256");
        query["code_challenge"].Should().HaveLength(43);
        query["nonce"].Should().NotBeNullOrEmpty();
        query["state"]!.Length.Should().BeGreaterThanOrEqualTo(43);
        query["redirect_uri"].Should().Be(OidcServer.RedirectUri);
        query["client_id"].Should().Be(OidcServer.ClientId);
    }

    [Fact]
    public async Task Callback_StateOfAnotherProviderOrFlow_IsOAuthFailed()
    {
        await using var factory = Create(("FullAuth:OAuth:Oidc:other:Authority", server.Issuer), ("FullAuth:OAuth:Oidc:other:ClientId", OidcServer.ClientId), ("FullAuth:OAuth:Oidc:other:ClientSecret", OidcServer.ClientSecret));
        var client = factory.CreateClient();
        var started = await client.StartAsync("oidc-test");
        var (code, state) = await ProviderLogin.CompleteAsync(started.AuthorizationUrl, ApiClient.NewEmail("cross"));

        var response = await client.CallbackAsync("oidc-other", code, state, started.Binding);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
    }

    [Fact]
    public async Task Routes_UnknownProvider_AreNotFound()
    {
        var client = Factory.CreateClient();

        await (await client.AuthorizeAsync("nope")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.CallbackAsync("nope", "c", "s", "b")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Providers_AndPublicConfig_ListTheConfiguredProvider()
    {
        var client = Factory.CreateClient();

        var providers = await (await client.GetAsync($"{ApiClient.Base}/oauth/providers")).JsonAsync();
        var config = await (await client.GetAsync("/api/v1/config")).JsonAsync();

        providers["providers"]!.AsArray().Should().ContainSingle();
        providers["providers"]![0]!["id"]!.GetValue<string>().Should().Be("oidc-test");
        providers["providers"]![0]!["name"]!.GetValue<string>().Should().Be("Test OpenID");
        config["providers"]![0]!["id"]!.GetValue<string>().Should().Be("oidc-test");
    }

    [Fact]
    public async Task Callback_VerifiedEmailOfVerifiedAccount_LinksAndKeepsThePassword()
    {
        var client = Factory.CreateClient();
        var email = ApiClient.NewEmail("existing");
        var session = await client.NewSessionAsync(email);
        await Factory.UpdateUserAsync(email, u => u.MarkEmailVerified(DateTimeOffset.UtcNow));

        var response = await client.SignInWithOidcAsync(email);

        var body = await response.JsonAsync();
        body["user"]!["id"]!.GetValue<string>().Should().Be(session.UserId);
        body["user"]!["has_password"]!.GetValue<bool>().Should().BeTrue();
        (await client.MeAsync(session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK, "a verified account keeps its sessions");
    }

    [Fact]
    public async Task Callback_VerifiedEmailOfUnverifiedAccount_DropsEverythingSetBefore()
    {
        var client = Factory.CreateClient();
        var email = ApiClient.NewEmail("squatted");
        var squatter = await client.NewSessionAsync(email);

        var response = await client.SignInWithOidcAsync(email);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var user = (await response.JsonAsync())["user"]!;
        user["id"]!.GetValue<string>().Should().Be(squatter.UserId);
        user["email_verified"]!.GetValue<bool>().Should().BeTrue();
        user["has_password"]!.GetValue<bool>().Should().BeFalse();
        await (await client.MeAsync(squatter.AccessToken)).ShouldBeUnauthenticatedAsync();
        await (await client.LoginAsync(email)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Callback_UnverifiedProviderEmailOfExistingAccount_NeverLinks()
    {
        var client = Factory.CreateClient();
        var email = "unverified." + ApiClient.NewEmail("victim");
        var victim = await client.NewSessionAsync(email);

        var response = await client.SignInWithOidcAsync(email);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
        var accounts = await (await client.GetAsync($"{ApiClient.Base}/oauth/accounts", victim.AccessToken)).JsonArrayAsync();
        accounts.Should().BeEmpty();
        (await client.MeAsync(victim.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Callback_UntrustedProviderVerifiedEmail_NeverLinksAndSignsUpUnverified()
    {
        await using var factory = Create(("FullAuth:OAuth:Oidc:test:TrustEmailVerified", "false"));
        var client = factory.CreateClient();
        var existing = ApiClient.NewEmail("untrusted");
        await client.NewSessionAsync(existing);
        await factory.UpdateUserAsync(existing, u => u.MarkEmailVerified(DateTimeOffset.UtcNow));

        await (await client.SignInWithOidcAsync(existing)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
        var fresh = await (await client.SignInWithOidcAsync(ApiClient.NewEmail("fresh"))).JsonAsync();
        fresh["user"]!["email_verified"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Callback_ClosedSignUp_IsForbiddenForNewIdentities()
    {
        await using var factory = Create(("FullAuth:Registration:Enabled", "false"));
        var client = factory.CreateClient();

        var response = await client.SignInWithOidcAsync(ApiClient.NewEmail("closed"));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Callback_InactiveUser_IsOAuthFailed()
    {
        var client = Factory.CreateClient();
        var email = ApiClient.NewEmail("inactive");
        (await client.SignInWithOidcAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK);
        await Factory.UpdateUserAsync(email, u => u.SetActive(false, DateTimeOffset.UtcNow));

        var response = await client.SignInWithOidcAsync(email);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
    }

    [Fact]
    public async Task Callback_SignInPolicyVetoes_IsSignInNotAllowed()
    {
        await using var custom = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ISignInPolicy, NoOAuthPolicy>()));
        var client = custom.CreateClient();

        var response = await client.SignInWithOidcAsync(ApiClient.NewEmail("vetoed"));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sign_in_not_allowed");
    }

    [Fact]
    public async Task Callback_CookieMode_NeedsAnAllowedOriginAndSetsCookies()
    {
        await using var factory = Create(("FullAuth:TokenDelivery", "cookie"), ("FullAuth:Cors:Origins:0", "http://localhost:3000"));
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var started = await client.StartAsync("oidc-test");
        var (code, state) = await ProviderLogin.CompleteAsync(started.AuthorizationUrl, ApiClient.NewEmail("cookie"));

        await (await client.CallbackAsync("oidc-test", code, state, started.Binding, origin: "http://evil.example")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "csrf_failed");
        var response = await client.CallbackAsync("oidc-test", code, state, started.Binding, origin: "http://localhost:3000");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        body["csrf_token"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        body.ContainsKey("access_token").Should().BeFalse();
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        cookies.Should().Contain(c => c.StartsWith("__Host-fullauth_access=", StringComparison.Ordinal));
        cookies.Should().Contain(c => c.StartsWith(OAuthApi.BindingCookie + "=;", StringComparison.Ordinal), "the binding cookie is dropped");
    }

    [Fact]
    public async Task Authorize_SetsTheBindingCookieWithItsAttributes()
    {
        var client = Factory.CreateClient();

        var response = await client.AuthorizeAsync("oidc-test");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(OAuthApi.BindingCookie, StringComparison.Ordinal)).ToLowerInvariant();
        cookie.Should().Contain("path=/api/v1/auth/oauth").And.Contain("secure").And.Contain("httponly").And.Contain("samesite=lax").And.Contain("expires=");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task Callback_StoreProviderTokens_KeepsThemEncryptedAtRest()
    {
        await using var factory = Create(("FullAuth:OAuth:StoreProviderTokens", "true"));
        var client = factory.CreateClient();
        var email = ApiClient.NewEmail("tokens");

        (await client.SignInWithOidcAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK);

        await using var scope = factory.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OAuthAccounts.SingleAsync(a => a.ProviderUserId == email);
        var tokens = scope.ServiceProvider.GetRequiredService<IProviderTokenStore>().Read(account);
        tokens.Should().NotBeNull();
        account.ProtectedTokens.Should().NotContain(tokens!.AccessToken);
    }

    [Fact]
    public async Task Callback_ByDefault_StoresNoProviderTokens()
    {
        var client = Factory.CreateClient();
        var email = ApiClient.NewEmail("notokens");

        (await client.SignInWithOidcAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK);

        await using var scope = Factory.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OAuthAccounts.SingleAsync(a => a.ProviderUserId == email);
        account.ProtectedTokens.Should().BeNull();
    }

    private FullAuthFactory Create(params (string Key, string? Value)[] extra)
    {
        server.RequireAvailable();
        return FullAuthFactory.With(server.Settings(extra));
    }

    private sealed class NoOAuthPolicy : ISignInPolicy
    {
        public ValueTask<bool> AllowSignInAsync(SignInContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(!context.Amr.Contains("oauth"));
    }
}
