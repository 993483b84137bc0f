using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FullAuth.Application.OAuth.Common;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FullAuth.Infrastructure.OAuth;

/// <summary>
/// Any OpenID Connect provider, by discovery (<c>{Authority}/.well-known/openid-configuration</c>):
/// authorization code flow with PKCE S256 (unless the discovery document lists methods without it)
/// and a nonce; the ID token's signature is checked against the provider's JWKS (refetched once for
/// an unknown key), and <c>iss</c>, <c>aud</c>, <c>exp</c> and <c>nonce</c> are checked. Claims missing from
/// the ID token (email) are read from the user info endpoint, whose <c>sub</c> must match.
/// </summary>
public class OidcProvider(
    string id,
    string displayName,
    string authority,
    string clientId,
    string clientSecret,
    IReadOnlyList<string> scopes,
    bool trustsEmailVerified,
    IHttpClientFactory httpClients,
    TimeProvider time,
    ILogger logger) : IOAuthProvider, IDisposable
{
    private static readonly TimeSpan MetadataLifetime = TimeSpan.FromHours(12);
    private static readonly TimeSpan MinimumJwksRefresh = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _metadataLock = new(1, 1);
    private Metadata? _metadata;
    private DateTimeOffset _metadataFetchedAt;
    private IReadOnlyList<SecurityKey>? _keys;
    private DateTimeOffset _keysFetchedAt;

    public string Id { get; } = id;

    public string DisplayName { get; } = displayName;

    public bool TrustsEmailVerified { get; } = trustsEmailVerified;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    public async Task<string> BuildAuthorizationUrlAsync(OAuthAuthorizationRequest request, CancellationToken cancellationToken)
    {
        var metadata = await GetMetadataAsync(cancellationToken);
        var query = new List<KeyValuePair<string, string>>
        {
            new("response_type", "code"),
            new("client_id", clientId),
            new("redirect_uri", request.RedirectUri),
            new("scope", string.Join(' ', scopes)),
            new("state", request.State),
            new("nonce", request.Nonce),
        };
        if (metadata.SupportsPkce)
        {
            query.Add(new("code_challenge", request.CodeChallenge));
            query.Add(new("code_challenge_method", "S256"));
        }

        return AppendQuery(metadata.AuthorizationEndpoint, query);
    }

    public async Task<ExternalIdentity> ExchangeCodeAsync(OAuthCodeExchange exchange, CancellationToken cancellationToken)
    {
        var metadata = await GetMetadataAsync(cancellationToken);
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "authorization_code"),
            new("code", exchange.Code),
            new("redirect_uri", exchange.RedirectUri),
        };
        if (metadata.SupportsPkce)
        {
            form.Add(new("code_verifier", exchange.CodeVerifier));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, metadata.TokenEndpoint);
        if (metadata.UseBasicAuthentication)
        {
            var credentials = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }
        else
        {
            form.Add(new("client_id", clientId));
            form.Add(new("client_secret", clientSecret));
        }

        request.Content = new FormUrlEncodedContent(form);
        var tokens = await OAuthHttp.SendForJsonAsync(httpClients.CreateClient(OAuthHttp.ClientName), request, $"{Id} token endpoint", cancellationToken);
        var idToken = OAuthHttp.Text(tokens, "id_token") ?? throw new OAuthProviderException($"{Id} token endpoint: no id_token in the answer{OAuthHttp.ErrorSuffix(tokens)}");
        var accessToken = OAuthHttp.Text(tokens, "access_token");

        var claims = await ValidateIdTokenAsync(metadata, idToken, exchange.Nonce, cancellationToken);
        var providerTokens = accessToken is null ? null : new ProviderTokens(accessToken, OAuthHttp.Text(tokens, "refresh_token"), ExpiresAt(tokens));
        var identity = OidcClaims.Map(claims, providerTokens);
        if (identity.Email is null && metadata.UserInfoEndpoint is not null && accessToken is not null)
        {
            var userInfo = await GetUserInfoAsync(metadata.UserInfoEndpoint, accessToken, cancellationToken);
            var fromUserInfo = OidcClaims.Map(userInfo, providerTokens);
            if (fromUserInfo.ProviderUserId != identity.ProviderUserId)
            {
                throw new OAuthProviderException($"{Id} user info: sub differs from the ID token's");
            }

            identity = identity with
            {
                Email = fromUserInfo.Email,
                EmailVerified = fromUserInfo.EmailVerified,
                Name = identity.Name ?? fromUserInfo.Name,
                Image = identity.Image ?? fromUserInfo.Image,
            };
        }

        return identity;
    }

    private async Task<JsonElement> ValidateIdTokenAsync(Metadata metadata, string idToken, string nonce, CancellationToken cancellationToken)
    {
        var handler = new JsonWebTokenHandler { MapInboundClaims = false };
        TokenValidationResult? result = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var keys = await GetKeysAsync(metadata, forceRefresh: attempt > 0, cancellationToken);
            result = await handler.ValidateTokenAsync(idToken, new TokenValidationParameters
            {
                ValidIssuer = metadata.Issuer,
                ValidAudience = clientId,
                IssuerSigningKeys = keys,
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidateLifetime = true,
                ClockSkew = TimeSpan.FromMinutes(2),
                ValidAlgorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"],
                LifetimeValidator = (notBefore, expires, _, parameters) =>
                {
                    var now = time.GetUtcNow().UtcDateTime;
                    return expires is not null && expires.Value + parameters.ClockSkew >= now &&
                           (notBefore is null || notBefore.Value - parameters.ClockSkew <= now);
                },
            });
            if (result.IsValid || result.Exception is not SecurityTokenSignatureKeyNotFoundException)
            {
                break;
            }
        }

        if (result is not { IsValid: true })
        {
            throw new OAuthProviderException($"{Id} ID token rejected: {result?.Exception?.GetType().Name} {result?.Exception?.Message}");
        }

        var token = (JsonWebToken)result.SecurityToken;
        if (token.Audiences.Count() > 1 && (!token.TryGetPayloadValue<string>("azp", out var azp) || azp != clientId))
        {
            throw new OAuthProviderException($"{Id} ID token rejected: several audiences and azp is not this client");
        }

        if (!token.TryGetPayloadValue<string>("nonce", out var tokenNonce) ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(tokenNonce ?? string.Empty), Encoding.UTF8.GetBytes(nonce)))
        {
            throw new OAuthProviderException($"{Id} ID token rejected: nonce missing or not the one sent");
        }

        return JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload)).RootElement.Clone();
    }

    private async Task<JsonElement> GetUserInfoAsync(string endpoint, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await OAuthHttp.SendForJsonAsync(httpClients.CreateClient(OAuthHttp.ClientName), request, $"{Id} user info", cancellationToken);
    }

    private async Task<Metadata> GetMetadataAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_metadata is { } cached && now - _metadataFetchedAt < MetadataLifetime)
        {
            return cached;
        }

        await _metadataLock.WaitAsync(cancellationToken);
        try
        {
            if (_metadata is { } fresh && now - _metadataFetchedAt < MetadataLifetime)
            {
                return fresh;
            }

            var url = authority.TrimEnd('/') + "/.well-known/openid-configuration";
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            var document = await OAuthHttp.SendForJsonAsync(httpClients.CreateClient(OAuthHttp.ClientName), request, $"{Id} discovery", cancellationToken);
            var metadata = Metadata.From(Id, document);
            if (metadata.Issuer.TrimEnd('/') != authority.TrimEnd('/'))
            {
                throw new OAuthProviderException($"{Id} discovery: issuer {metadata.Issuer} is not the configured Authority");
            }

            _metadata = metadata;
            _metadataFetchedAt = now;
            logger.LogInformation("OAuth provider {Provider}: discovery document loaded from {Url}", Id, url);
            return metadata;
        }
        finally
        {
            _metadataLock.Release();
        }
    }

    private async Task<IReadOnlyList<SecurityKey>> GetKeysAsync(Metadata metadata, bool forceRefresh, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_keys is { } cached && (!forceRefresh || now - _keysFetchedAt < MinimumJwksRefresh) && now - _keysFetchedAt < MetadataLifetime)
        {
            return cached;
        }

        await _metadataLock.WaitAsync(cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, metadata.JwksUri);
            var document = await OAuthHttp.SendForJsonAsync(httpClients.CreateClient(OAuthHttp.ClientName), request, $"{Id} JWKS", cancellationToken);
            IReadOnlyList<SecurityKey> keys;
            try
            {
                keys = new JsonWebKeySet(document.GetRawText()).GetSigningKeys().ToList();
            }
            catch (ArgumentException ex)
            {
                throw new OAuthProviderException($"{Id} JWKS unreadable: {ex.Message}", ex);
            }

            _keys = keys;
            _keysFetchedAt = now;
            return keys;
        }
        finally
        {
            _metadataLock.Release();
        }
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _metadataLock.Dispose();
        }
    }

    private DateTimeOffset? ExpiresAt(JsonElement tokens) =>
        tokens.TryGetProperty("expires_in", out var value) && value.TryGetInt64(out var seconds) && seconds > 0
            ? time.GetUtcNow().AddSeconds(seconds)
            : null;

    internal static string AppendQuery(string endpoint, IEnumerable<KeyValuePair<string, string>> query)
    {
        var separator = endpoint.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return endpoint + separator + string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }

    private sealed record Metadata(
        string Issuer,
        string AuthorizationEndpoint,
        string TokenEndpoint,
        string JwksUri,
        string? UserInfoEndpoint,
        bool SupportsPkce,
        bool UseBasicAuthentication)
    {
        public static Metadata From(string id, JsonElement document)
        {
            string Required(string name) => OAuthHttp.Text(document, name) ?? throw new OAuthProviderException($"{id} discovery: {name} missing");

            var pkce = !document.TryGetProperty("code_challenge_methods_supported", out var methods) ||
                       methods.ValueKind != JsonValueKind.Array ||
                       methods.EnumerateArray().Any(m => m.ValueKind == JsonValueKind.String && m.GetString() == "S256");
            var basic = !document.TryGetProperty("token_endpoint_auth_methods_supported", out var auth) ||
                        auth.ValueKind != JsonValueKind.Array ||
                        auth.EnumerateArray().Any(m => m.ValueKind == JsonValueKind.String && m.GetString() == "client_secret_basic");
            return new Metadata(
                Required("issuer"),
                Required("authorization_endpoint"),
                Required("token_endpoint"),
                Required("jwks_uri"),
                OAuthHttp.Text(document, "userinfo_endpoint"),
                pkce,
                basic);
        }
    }
}
