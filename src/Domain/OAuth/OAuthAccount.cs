namespace FullAuth.Domain.OAuth;

/// <summary>An external identity (provider + provider user id) linked to a user.</summary>
public sealed class OAuthAccount
{
    private OAuthAccount()
    {
    }

    public OAuthAccount(string id, string userId, string provider, string providerUserId, string? email, DateTimeOffset createdAt)
    {
        Id = id;
        UserId = userId;
        Provider = provider;
        ProviderUserId = providerUserId;
        Email = email;
        CreatedAt = createdAt;
    }

    public string Id { get; private set; } = string.Empty;
    public string UserId { get; private set; } = string.Empty;
    public string Provider { get; private set; } = string.Empty;
    public string ProviderUserId { get; private set; } = string.Empty;
    public string? Email { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The provider's tokens, encrypted by Infrastructure; null unless <c>OAuth:StoreProviderTokens</c>.</summary>
    public string? ProtectedTokens { get; private set; }

    public void SetProtectedTokens(string? protectedTokens) => ProtectedTokens = protectedTokens;
}
