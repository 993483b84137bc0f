namespace FullAuth.Api.Contracts;

// Request bodies are classes (not records) so that their ToString never prints a secret.

/// <summary>Body of <c>/oauth/{provider}/callback</c> and <c>/oauth/{provider}/link/callback</c>.</summary>
public sealed class OAuthCallbackRequest
{
    public string? Code { get; set; }
    public string? State { get; set; }
}

/// <summary>Body of <c>/oauth/{provider}/link</c>.</summary>
public sealed class OAuthLinkRequest
{
    public string? RedirectUri { get; set; }
}

/// <summary>Where to send the browser: the provider's authorization URL.</summary>
public sealed record AuthorizationUrlResponse(string AuthorizationUrl);
