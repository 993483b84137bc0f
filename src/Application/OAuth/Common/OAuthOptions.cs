namespace FullAuth.Application.OAuth.Common;

/// <summary>Section <c>FullAuth:OAuth</c> (the provider entries are read by Infrastructure).</summary>
public sealed class OAuthOptions
{
    public const string SectionName = "FullAuth:OAuth";

    /// <summary>Exact allow-list for <c>redirect_uri</c>.</summary>
    public List<string> RedirectUris { get; set; } = [];

    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Keep the provider's tokens on the linked account, encrypted at rest.</summary>
    public bool StoreProviderTokens { get; set; }
}
