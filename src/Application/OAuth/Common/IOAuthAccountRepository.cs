using FullAuth.Domain.OAuth;

namespace FullAuth.Application.OAuth.Common;

/// <summary>Linked provider accounts.</summary>
public interface IOAuthAccountRepository
{
    Task<OAuthAccount?> FindAsync(string provider, string providerUserId, CancellationToken cancellationToken);

    Task<OAuthAccount?> FindForUserAsync(string userId, string provider, CancellationToken cancellationToken);

    /// <summary>The user's linked accounts, oldest first.</summary>
    Task<IReadOnlyList<OAuthAccount>> ListForUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>For the last-login-method rule: whether the user has any passkey.</summary>
    Task<bool> HasPasskeyAsync(string userId, CancellationToken cancellationToken);

    void Add(OAuthAccount account);

    void Remove(OAuthAccount account);
}
