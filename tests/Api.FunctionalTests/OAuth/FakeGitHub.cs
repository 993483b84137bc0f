using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FullAuth.Api.FunctionalTests.OAuth;

/// <summary>
/// A tiny local stand-in for github.com: <c>POST /login/oauth/access_token</c> (JSON only with
/// <c>Accept: application/json</c>, errors with HTTP 200, PKCE checked), <c>GET /user</c>, <c>GET /user/emails</c>
/// (both need a <c>User-Agent</c>). Tests register a code for a user with <see cref="IssueCode"/>.
/// </summary>
public sealed class FakeGitHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (GitHubUser User, string Challenge)> _codes = new();
    private readonly ConcurrentDictionary<string, GitHubUser> _tokens = new();

    private FakeGitHub(WebApplication app, int port)
    {
        _app = app;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    /// <summary>When set, the token endpoint never answers (for the timeout test).</summary>
    public bool Hang { get; set; }

    public static async Task<FakeGitHub> StartAsync()
    {
        var port = OidcServer.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeGitHub(app, port);
        app.MapPost("/login/oauth/access_token", (Delegate)fake.TokenAsync);
        app.MapGet("/user", (HttpContext c) => fake.Authorized(c, u => Results.Json(new { id = u.Id, login = u.Login, name = u.Name, email = u.PublicEmail, avatar_url = "https://avatars.example.com/u/1" })));
        app.MapGet("/user/emails", (HttpContext c) => fake.Authorized(c, u => Results.Json(u.Emails.Select(e => new { email = e.Email, primary = e.Primary, verified = e.Verified, visibility = "private" }))));
        await app.StartAsync();
        return fake;
    }

    /// <summary>A code GitHub would hand back for <paramref name="user"/> after an authorize with this URL's code_challenge.</summary>
    public string IssueCode(GitHubUser user, string authorizationUrl)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(authorizationUrl).Query);
        var code = Guid.NewGuid().ToString("N");
        _codes[code] = (user, query["code_challenge"].ToString());
        return code;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        if (Hang)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        }

        var form = await context.Request.ReadFormAsync();
        if (!context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
        {
            return Results.Text("error=unsupported_accept", "application/x-www-form-urlencoded");
        }

        if (form["client_id"] != GitHubSignInTests.ClientId || form["client_secret"] != GitHubSignInTests.ClientSecret)
        {
            return Results.Json(new { error = "incorrect_client_credentials" });
        }

        if (!_codes.TryRemove(form["code"].ToString(), out var issued))
        {
            return Results.Json(new { error = "bad_verification_code", error_description = "The code passed is incorrect or expired." });
        }

        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        if (challenge != issued.Challenge)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "code_verifier mismatch" });
        }

        var token = "gho_" + Guid.NewGuid().ToString("N");
        _tokens[token] = issued.User;
        return Results.Json(new { access_token = token, token_type = "bearer", scope = "read:user,user:email" });
    }

    private IResult Authorized(HttpContext context, Func<GitHubUser, IResult> answer)
    {
        if (string.IsNullOrEmpty(context.Request.Headers.UserAgent))
        {
            return Results.Text("Request forbidden by administrative rules. Please make sure your request has a User-Agent header", statusCode: 403);
        }

        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.TryGetValue(header[7..], out var user)
            ? answer(user)
            : Results.Json(new { message = "Bad credentials" }, statusCode: 401);
    }
}

public sealed record GitHubUser(long Id, string Login, string? Name, string? PublicEmail, IReadOnlyList<GitHubUserEmail> Emails);

public sealed record GitHubUserEmail(string Email, bool Primary, bool Verified);
