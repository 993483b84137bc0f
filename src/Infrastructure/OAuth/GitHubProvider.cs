using System.Net.Http.Headers;
using System.Text.Json;
using FullAuth.Application.OAuth.Common;

namespace FullAuth.Infrastructure.OAuth;

/// <summary>
/// GitHub (OAuth 2, not OpenID Connect; id <c>github</c>): the token endpoint answers form-encoded
/// unless asked for JSON and reports errors with HTTP 200; the API needs a <c>User-Agent</c>. The
/// identity is <c>/user</c>'s numeric <c>id</c>; the email is the primary address from
/// <c>/user/emails</c>, verified only when GitHub says so (see <see cref="SelectEmail"/>).
/// </summary>
public sealed class GitHubProvider(GitHubProviderOptions options, IHttpClientFactory httpClients) : IOAuthProvider
{
    private readonly IReadOnlyList<string> _scopes = options.Scopes is { Count: > 0 } scopes ? scopes : ["read:user", "user:email"];

    public string Id => "github";

    public string DisplayName => "GitHub";

    public bool TrustsEmailVerified => true;

    public Task<string> BuildAuthorizationUrlAsync(OAuthAuthorizationRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(OidcProvider.AppendQuery(options.AuthorizationEndpoint,
        [
            new("client_id", options.ClientId!),
            new("redirect_uri", request.RedirectUri),
            new("scope", string.Join(' ', _scopes)),
            new("state", request.State),
            new("code_challenge", request.CodeChallenge),
            new("code_challenge_method", "S256"),
            new("allow_signup", "true"),
        ]));

    public async Task<ExternalIdentity> ExchangeCodeAsync(OAuthCodeExchange exchange, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(OAuthHttp.ClientName);
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, options.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("client_id", options.ClientId!),
                new("client_secret", options.ClientSecret!),
                new("code", exchange.Code),
                new("redirect_uri", exchange.RedirectUri),
                new("code_verifier", exchange.CodeVerifier),
            ]),
        };
        var tokens = await OAuthHttp.SendForJsonAsync(client, tokenRequest, "github token endpoint", cancellationToken);
        var accessToken = OAuthHttp.Text(tokens, "access_token");
        if (string.IsNullOrEmpty(accessToken))
        {
            // GitHub reports errors (bad_verification_code, ...) with HTTP 200.
            throw new OAuthProviderException($"github token endpoint: no access_token{OAuthHttp.ErrorSuffix(tokens)}");
        }

        var user = await GetAsync(client, "/user", accessToken, cancellationToken);
        if (!user.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.Number || !idElement.TryGetInt64(out var id))
        {
            throw new OAuthProviderException("github /user: no numeric id");
        }

        IReadOnlyList<GitHubEmail> emails;
        try
        {
            emails = ParseEmails(await GetAsync(client, "/user/emails", accessToken, cancellationToken));
        }
        catch (OAuthProviderException)
        {
            // Without the user:email scope the list is refused; the public profile email is then unverified.
            emails = [];
        }

        var (email, verified) = SelectEmail(emails, OAuthHttp.Text(user, "email"));
        return new ExternalIdentity(
            id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            email,
            verified,
            OAuthHttp.Text(user, "name") ?? OAuthHttp.Text(user, "login"),
            OAuthHttp.Text(user, "avatar_url"),
            new ProviderTokens(accessToken, OAuthHttp.Text(tokens, "refresh_token"), null));
    }

    /// <summary>
    /// The primary address when it is verified (verified); else the primary or the profile's public
    /// address as unverified (it can start a new, unverified account but never links to an existing one).
    /// </summary>
    public static (string? Email, bool Verified) SelectEmail(IReadOnlyList<GitHubEmail> emails, string? profileEmail)
    {
        var primary = emails.FirstOrDefault(e => e.Primary);
        if (primary is { Verified: true })
        {
            return (primary.Email, true);
        }

        return (primary?.Email ?? profileEmail, false);
    }

    public static IReadOnlyList<GitHubEmail> ParseEmails(JsonElement json) =>
        json.ValueKind != JsonValueKind.Array
            ? []
            : json.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object && OAuthHttp.Text(e, "email") is not null)
                .Select(e => new GitHubEmail(
                    OAuthHttp.Text(e, "email")!,
                    e.TryGetProperty("primary", out var p) && p.ValueKind == JsonValueKind.True,
                    e.TryGetProperty("verified", out var v) && v.ValueKind == JsonValueKind.True))
                .ToList();

    private async Task<JsonElement> GetAsync(HttpClient client, string path, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, options.ApiBaseUrl.TrimEnd('/') + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        return await OAuthHttp.SendForJsonAsync(client, request, $"github {path}", cancellationToken);
    }
}

/// <summary>An entry of GitHub's <c>/user/emails</c>.</summary>
public sealed record GitHubEmail(string Email, bool Primary, bool Verified);
