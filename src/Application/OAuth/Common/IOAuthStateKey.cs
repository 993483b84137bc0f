namespace FullAuth.Application.OAuth.Common;

/// <summary>
/// Keyed digests with the <c>fullauth:oauth-state</c> purpose key: the store key of a state and the
/// stored form of its binding cookie, so neither is useful to someone who can read the store.
/// </summary>
public interface IOAuthStateKey
{
    /// <summary>Base64url HMAC-SHA256 of <paramref name="value"/> under the OAuth-state key.</summary>
    string Digest(string value);
}
