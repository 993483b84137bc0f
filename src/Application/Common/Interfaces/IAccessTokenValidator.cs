using System.Security.Claims;
using FullAuth.Application.Common.Models;

namespace FullAuth.Application.Common.Interfaces;

/// <summary>A valid, unrevoked access token: the caller and the token's claims.</summary>
public sealed record ValidatedAccessToken(Caller Caller, ClaimsIdentity Identity);

/// <summary>
/// Validates access tokens: configured algorithm and key only, <c>typ</c>, <c>iss</c>, <c>aud</c>,
/// lifetime, then the revocation blacklist. Returns null for any invalid or revoked token.
/// </summary>
public interface IAccessTokenValidator
{
    ValueTask<ValidatedAccessToken?> ValidateAsync(string token, CancellationToken cancellationToken);
}
