using FullAuth.Domain.OAuth;

namespace FullAuth.Application.OAuth.Common;

/// <summary>
/// Keeps the provider's tokens of a linked account, encrypted at rest (ASP.NET Data Protection).
/// Called only when <c>OAuth:StoreProviderTokens</c> is on.
/// </summary>
public interface IProviderTokenStore
{
    /// <summary>Encrypts and sets the tokens on the (tracked) account; saved with the unit of work.</summary>
    void Store(OAuthAccount account, ProviderTokens tokens);

    /// <summary>The decrypted tokens, or null when none are stored or they cannot be decrypted.</summary>
    ProviderTokens? Read(OAuthAccount account);
}
