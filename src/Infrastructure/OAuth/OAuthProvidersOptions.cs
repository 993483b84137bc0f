namespace FullAuth.Infrastructure.OAuth;

/// <summary>
/// The provider entries of section <c>FullAuth:OAuth</c>: <c>Google</c>, <c>GitHub</c> and any number of
/// generic OpenID Connect providers under <c>Oidc:{name}</c> (id <c>oidc-{name}</c>). A provider is on
/// when its <c>ClientId</c> is set.
/// </summary>
public sealed class OAuthProvidersOptions
{
    public const string SectionName = "FullAuth:OAuth";

    public GoogleProviderOptions Google { get; set; } = new();

    public GitHubProviderOptions GitHub { get; set; } = new();

    public Dictionary<string, OidcProviderOptions> Oidc { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Timeout of every call to a provider (discovery, JWKS, token, user info).</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class GoogleProviderOptions
{
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public List<string>? Scopes { get; set; }
    public string Authority { get; set; } = "https://accounts.google.com";
}

public sealed class GitHubProviderOptions
{
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public List<string>? Scopes { get; set; }
    public string AuthorizationEndpoint { get; set; } = "https://github.com/login/oauth/authorize";
    public string TokenEndpoint { get; set; } = "https://github.com/login/oauth/access_token";
    public string ApiBaseUrl { get; set; } = "https://api.github.com";
}

public sealed class OidcProviderOptions
{
    /// <summary>The issuer URL; its <c>/.well-known/openid-configuration</c> is the discovery document.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public List<string>? Scopes { get; set; }
    public string? DisplayName { get; set; }

    /// <summary>Whether this provider's <c>email_verified: true</c> may link to an existing account.</summary>
    public bool TrustEmailVerified { get; set; }
}
