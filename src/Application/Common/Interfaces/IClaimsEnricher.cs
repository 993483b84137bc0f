using FullAuth.Domain.Users;

namespace FullAuth.Application.Common.Interfaces;

/// <summary>
/// Extension point that adds custom claims to every access token (at sign-in and at refresh).
/// Reserved claims (<c>iss, aud, sub, jti, sid, iat, nbf, exp, auth_time, amr, email, email_verified, roles</c>) cannot be overridden.
/// </summary>
public interface IClaimsEnricher
{
    ValueTask EnrichAsync(User user, IDictionary<string, object> claims, CancellationToken cancellationToken);
}
