namespace FullAuth.Application.OAuth.Common;

/// <summary>
/// One external identity provider (Google, GitHub, a generic OpenID Connect provider, ...). Adding a
/// provider type is one class implementing this in Infrastructure. Every failure talking to the
/// provider is an <see cref="OAuthProviderException"/> whose message is logged, never returned.
/// </summary>
public interface IOAuthProvider
{
    /// <summary>The route segment and stored provider name: <c>google</c>, <c>github</c>, <c>oidc-{name}</c>.</summary>
    string Id { get; }

    string DisplayName { get; }

    /// <summary>
    /// For <c>oidc-*</c> providers: whether a provider-verified email may link to an existing account
    /// (<c>TrustEmailVerified</c>). Google and GitHub vouch for the addresses they call verified.
    /// </summary>
    bool TrustsEmailVerified { get; }

    /// <summary>The provider's authorization URL (PKCE S256 and the OIDC nonce where supported).</summary>
    Task<string> BuildAuthorizationUrlAsync(OAuthAuthorizationRequest request, CancellationToken cancellationToken);

    /// <summary>Redeems the code and returns who signed in (ID token checked for OIDC).</summary>
    Task<ExternalIdentity> ExchangeCodeAsync(OAuthCodeExchange exchange, CancellationToken cancellationToken);
}

/// <summary>What goes into the authorization URL.</summary>
public sealed record OAuthAuthorizationRequest(string State, string Nonce, string CodeChallenge, string RedirectUri)
{
    public override string ToString() => $"OAuthAuthorizationRequest {{ RedirectUri = {RedirectUri} }}";
}

/// <summary>What the code exchange needs: the same redirect URI, the PKCE verifier and the nonce sent.</summary>
public sealed record OAuthCodeExchange(string Code, string RedirectUri, string CodeVerifier, string Nonce)
{
    public override string ToString() => $"OAuthCodeExchange {{ RedirectUri = {RedirectUri}, Code = *** }}";
}

/// <summary>The signed-in identity as the provider describes it.</summary>
public sealed record ExternalIdentity(
    string ProviderUserId,
    string? Email,
    bool EmailVerified,
    string? Name,
    string? Image,
    ProviderTokens? Tokens = null);

/// <summary>The provider's own tokens; stored (encrypted) only with <c>OAuth:StoreProviderTokens</c>.</summary>
public sealed record ProviderTokens(string AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt)
{
    public override string ToString() => $"ProviderTokens {{ AccessToken = ***, ExpiresAt = {ExpiresAt} }}";
}
