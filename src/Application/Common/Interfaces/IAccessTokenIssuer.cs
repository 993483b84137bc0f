using FullAuth.Domain.Users;

namespace FullAuth.Application.Common.Interfaces;

/// <summary>What an access token is issued for.</summary>
public sealed record AccessTokenRequest(
    User User,
    string SessionId,
    DateTimeOffset AuthTime,
    IReadOnlyList<string> Amr,
    IReadOnlyDictionary<string, object> CustomClaims);

public sealed record IssuedAccessToken(string Token, string Jti, DateTimeOffset ExpiresAt);

public interface IAccessTokenIssuer
{
    IssuedAccessToken Issue(AccessTokenRequest request);
}
