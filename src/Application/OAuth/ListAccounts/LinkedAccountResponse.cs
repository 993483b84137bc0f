using FullAuth.Domain.OAuth;

namespace FullAuth.Application.OAuth.ListAccounts;

/// <summary>The answer of the link callback: <c>{provider, provider_user_id, email}</c>.</summary>
public sealed record LinkedAccountResponse(string Provider, string ProviderUserId, string? Email)
{
    public static LinkedAccountResponse From(OAuthAccount account) => new(account.Provider, account.ProviderUserId, account.Email);
}

/// <summary>An item of <c>GET /oauth/accounts</c>.</summary>
public sealed record OAuthAccountResponse(string Provider, string ProviderUserId, string? Email, DateTimeOffset CreatedAt)
{
    public static OAuthAccountResponse From(OAuthAccount account) => new(account.Provider, account.ProviderUserId, account.Email, account.CreatedAt);
}
