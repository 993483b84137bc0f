using System.Globalization;
using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Security;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.Tokens.IntrospectToken;

/// <summary>
/// Looks at a token without touching it (never rotates, consumes or revokes). An access token must
/// validate (signature, claims, blacklist); a refresh token must be the current token of a live
/// session; either way its user must exist and be active. A token of another user is reported only
/// to callers holding <c>tokens:introspect</c>; to anyone else it is simply inactive.
/// </summary>
public sealed class IntrospectTokenQueryHandler(
    IAccessTokenValidator accessTokens,
    IRefreshTokenRepository refreshTokens,
    IPermissionService permissions,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IQueryHandler<IntrospectTokenQuery, Result<TokenIntrospection>>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Tokens");

    public async ValueTask<Result<TokenIntrospection>> Handle(IntrospectTokenQuery query, CancellationToken cancellationToken)
    {
        var token = query.Token!;
        var found = TokenShape.LooksLikeJwt(token)
            ? await InspectAccessTokenAsync(token, cancellationToken)
            : await InspectRefreshTokenAsync(token, cancellationToken);
        if (found is null)
        {
            return TokenIntrospection.Inactive;
        }

        var owner = await permissions.GetAccessAsync(found.Sub!, cancellationToken);
        if (owner is not { IsActive: true })
        {
            return TokenIntrospection.Inactive;
        }

        if (found.Sub != query.Caller.UserId)
        {
            var caller = await permissions.GetAccessAsync(query.Caller.UserId, cancellationToken);
            if (caller is not { IsActive: true } || !caller.HasPermission(Permissions.TokensIntrospect))
            {
                _logger.LogInformation("User {UserId} introspected another user's token without {Permission}: reported inactive", query.Caller.UserId, Permissions.TokensIntrospect);
                return TokenIntrospection.Inactive;
            }
        }

        return found;
    }

    private async Task<TokenIntrospection?> InspectAccessTokenAsync(string token, CancellationToken cancellationToken)
    {
        var validated = await accessTokens.ValidateAsync(token, cancellationToken);
        if (validated is null)
        {
            return null;
        }

        var caller = validated.Caller;
        var iat = validated.Identity.FindFirst("iat")?.Value;
        return new TokenIntrospection(
            Active: true,
            Sub: caller.UserId,
            Sid: caller.SessionId,
            Exp: caller.TokenExpiresAt.ToUnixTimeSeconds(),
            Iat: long.TryParse(iat, NumberStyles.Integer, CultureInfo.InvariantCulture, out var issued) ? issued : null,
            TokenType: TokenIntrospection.AccessToken);
    }

    private async Task<TokenIntrospection?> InspectRefreshTokenAsync(string token, CancellationToken cancellationToken)
    {
        var stored = await refreshTokens.FindByHashAsync(OpaqueToken.Digest(token), cancellationToken);
        if (stored is null || !stored.IsActive(time.GetUtcNow()))
        {
            return null;
        }

        return new TokenIntrospection(
            Active: true,
            Sub: stored.UserId,
            Sid: stored.FamilyId,
            Exp: stored.ExpiresAt.ToUnixTimeSeconds(),
            Iat: stored.CreatedAt.ToUnixTimeSeconds(),
            TokenType: TokenIntrospection.RefreshToken);
    }
}
