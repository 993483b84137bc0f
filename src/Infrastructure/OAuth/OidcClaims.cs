using System.Text.Json;
using FullAuth.Application.OAuth.Common;

namespace FullAuth.Infrastructure.OAuth;

/// <summary>
/// Maps OpenID Connect claims (ID token payload or user info) to an <see cref="ExternalIdentity"/>:
/// <c>sub</c> is required; <c>email_verified</c> counts only when it is exactly the JSON <c>true</c>.
/// </summary>
public static class OidcClaims
{
    public static ExternalIdentity Map(JsonElement claims, ProviderTokens? tokens = null)
    {
        var sub = OAuthHttp.Text(claims, "sub");
        if (string.IsNullOrEmpty(sub) || sub.Length > 255)
        {
            throw new OAuthProviderException("the claims carry no usable sub");
        }

        var verified = claims.TryGetProperty("email_verified", out var ev) && ev.ValueKind == JsonValueKind.True;
        return new ExternalIdentity(sub, OAuthHttp.Text(claims, "email"), verified, OAuthHttp.Text(claims, "name"), OAuthHttp.Text(claims, "picture"), tokens);
    }
}
