using System.Diagnostics;
using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests.OAuth;

/// <summary>Sign-in with GitHub against a local fake of its token, <c>/user</c> and <c>/user/emails</c> endpoints.</summary>
public sealed class GitHubSignInTests : IAsyncLifetime
{
    public const string ClientId = "gh-client";
    public const string ClientSecret = "gh-secret";

    private FakeGitHub _github = null!;
    private FullAuthFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _github = await FakeGitHub.StartAsync();
        _factory = FullAuthFactory.With(
            ("FullAuth:OAuth:RedirectUris:0", OidcServer.RedirectUri),
            ("FullAuth:OAuth:GitHub:ClientId", ClientId),
            ("FullAuth:OAuth:GitHub:ClientSecret", ClientSecret),
            ("FullAuth:OAuth:GitHub:AuthorizationEndpoint", _github.BaseUrl + "/login/oauth/authorize"),
            ("FullAuth:OAuth:GitHub:TokenEndpoint", _github.BaseUrl + "/login/oauth/access_token"),
            ("FullAuth:OAuth:GitHub:ApiBaseUrl", _github.BaseUrl),
            ("FullAuth:OAuth:HttpTimeout", "00:00:02"));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _github.DisposeAsync();
    }

    [Fact]
    public async Task Callback_PrimaryVerifiedEmail_SignsUpVerifiedWithTheNumericId()
    {
        var client = _factory.CreateClient();
        var email = ApiClient.NewEmail("gh");
        var user = new GitHubUser(4242, "octocat", "The Octocat", null, [new("other@example.com", false, true), new(email, true, true)]);

        var response = await SignInAsync(client, user);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        body["user"]!["email"]!.GetValue<string>().Should().Be(email);
        body["user"]!["email_verified"]!.GetValue<bool>().Should().BeTrue();
        body["user"]!["name"]!.GetValue<string>().Should().Be("The Octocat");
        var accounts = await (await client.GetAsync($"{ApiClient.Base}/oauth/accounts", body["access_token"]!.GetValue<string>())).JsonArrayAsync();
        accounts[0]!["provider"]!.GetValue<string>().Should().Be("github");
        accounts[0]!["provider_user_id"]!.GetValue<string>().Should().Be("4242");
    }

    [Fact]
    public async Task Callback_PrimaryEmailUnverified_NeverLinksToAnExistingAccount()
    {
        var client = _factory.CreateClient();
        var email = ApiClient.NewEmail("ghvictim");
        await client.NewSessionAsync(email);
        await _factory.UpdateUserAsync(email, u => u.MarkEmailVerified(DateTimeOffset.UtcNow));
        var user = new GitHubUser(5151, "mallory", null, email, [new(email, true, false)]);

        var response = await SignInAsync(client, user);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
    }

    [Fact]
    public async Task Callback_PrimaryEmailUnverified_SignsUpUnverified()
    {
        var client = _factory.CreateClient();
        var email = ApiClient.NewEmail("ghnew");
        var user = new GitHubUser(6161, "newbie", null, null, [new(email, true, false)]);

        var body = await (await SignInAsync(client, user)).JsonAsync();

        body["user"]!["email"]!.GetValue<string>().Should().Be(email);
        body["user"]!["email_verified"]!.GetValue<bool>().Should().BeFalse();
        body["user"]!["name"]!.GetValue<string>().Should().Be("newbie");
    }

    [Fact]
    public async Task Callback_ErrorAnsweredWithHttp200_IsOAuthFailed()
    {
        var client = _factory.CreateClient();
        var started = await client.StartAsync("github");

        var response = await client.CallbackAsync("github", "never-issued", State(started), started.Binding);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
    }

    [Fact]
    public async Task Callback_ProviderHangs_FailsWithinTheTimeout()
    {
        var client = _factory.CreateClient();
        _github.Hang = true;
        var started = await client.StartAsync("github");
        var code = _github.IssueCode(new GitHubUser(7171, "slow", null, null, []), started.AuthorizationUrl);
        var watch = Stopwatch.StartNew();

        var response = await client.CallbackAsync("github", code, State(started), started.Binding);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task AuthorizationUrl_PointsAtTheConfiguredEndpointWithPkce()
    {
        var client = _factory.CreateClient();

        var started = await client.StartAsync("github");

        started.AuthorizationUrl.Should().StartWith(_github.BaseUrl + "/login/oauth/authorize?");
        started.AuthorizationUrl.Should().Contain("code_challenge_method=S256").And.Contain("client_id=gh-client").And.Contain("scope=read%3Auser%20user%3Aemail");
    }

    private static string State(OAuthApi.Started started) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(started.AuthorizationUrl).Query)["state"].ToString();

    private async Task<HttpResponseMessage> SignInAsync(HttpClient client, GitHubUser user)
    {
        var started = await client.StartAsync("github");
        var code = _github.IssueCode(user, started.AuthorizationUrl);
        return await client.CallbackAsync("github", code, State(started), started.Binding);
    }
}
