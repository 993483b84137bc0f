using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Domain.Common;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FullAuth.Infrastructure.Security;

/// <summary>Access tokens: <c>typ: at+jwt</c>, <c>kid</c>, and the claims of API.md "Sessions and tokens".</summary>
internal sealed class JwtAccessTokenIssuer(SigningKeyRing keys, IOptions<JwtOptions> options, TimeProvider time) : IAccessTokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedAccessToken Issue(AccessTokenRequest request)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var expires = now + settings.AccessTokenLifetime;
        var jti = Ids.New();
        var claims = new Dictionary<string, object>(request.CustomClaims, StringComparer.Ordinal)
        {
            ["sub"] = request.User.Id,
            ["jti"] = jti,
            ["sid"] = request.SessionId,
            ["auth_time"] = request.AuthTime.ToUnixTimeSeconds(),
            ["amr"] = request.Amr.ToArray(),
            ["email"] = request.User.Email,
            ["email_verified"] = request.User.EmailVerified,
            ["roles"] = request.User.RoleNames.ToArray(),
        };

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            TokenType = "at+jwt",
            Claims = claims,
            SigningCredentials = keys.SigningCredentials,
        });
        return new IssuedAccessToken(token, jti, expires);
    }
}
