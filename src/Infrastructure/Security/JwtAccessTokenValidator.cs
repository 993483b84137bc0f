using System.Security.Claims;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FullAuth.Infrastructure.Security;

/// <summary>
/// Accepts only the configured algorithm, a <c>kid</c> naming a configured key, <c>typ</c>
/// <c>at+jwt</c>, the configured issuer and audience and a current lifetime; header keys
/// (<c>jwk</c>, <c>jku</c>, <c>x5u</c>, <c>x5c</c>) are never used or fetched. Then the blacklist.
/// </summary>
internal sealed class JwtAccessTokenValidator : IAccessTokenValidator
{
    private const int MaxTokenLength = 8 * 1024;

    private readonly SigningKeyRing _keys;
    private readonly ITokenBlacklist _blacklist;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _parameters;

    public JwtAccessTokenValidator(SigningKeyRing keys, ITokenBlacklist blacklist, IOptions<JwtOptions> options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _keys = keys;
        _blacklist = blacklist;
        _time = time;
        _logger = loggerFactory.CreateLogger("FullAuth.Tokens");
        var settings = options.Value;
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            ValidAlgorithms = [keys.Algorithm],
            ValidTypes = ["at+jwt", "application/at+jwt"],
            ClockSkew = settings.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
            IssuerSigningKeyResolver = (_, _, kid, _) => kid is not null && keys.KeysById.TryGetValue(kid, out var key) ? [key] : [],
            LifetimeValidator = ValidateLifetime,
            NameClaimType = "sub",
            RoleClaimType = "roles",
        };
    }

    public async ValueTask<ValidatedAccessToken?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is 0 or > MaxTokenLength || !_handler.CanReadToken(token))
        {
            return null;
        }

        JsonWebToken parsed;
        try
        {
            parsed = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }

        // Refuse before any cryptography: wrong alg (including "none" in any casing) or unknown kid.
        if (!string.Equals(parsed.Alg, _keys.Algorithm, StringComparison.Ordinal) ||
            string.IsNullOrEmpty(parsed.Kid) || !_keys.KeysById.ContainsKey(parsed.Kid))
        {
            _logger.LogDebug(LogEvents.AccessTokenRefused, "Access token refused: algorithm or key id not configured");
            return null;
        }

        var result = await _handler.ValidateTokenAsync(parsed, _parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            _logger.LogDebug(LogEvents.AccessTokenRefused, "Access token refused: {Reason}", result.Exception?.GetType().Name);
            return null;
        }

        if (!jwt.TryGetPayloadValue<string>("sub", out var sub) || string.IsNullOrEmpty(sub) ||
            !jwt.TryGetPayloadValue<string>("sid", out var sid) || string.IsNullOrEmpty(sid) ||
            !jwt.TryGetPayloadValue<string>("jti", out var jti) || string.IsNullOrEmpty(jti) ||
            !jwt.TryGetPayloadValue<long>("auth_time", out var authTime))
        {
            return null;
        }

        if (await _blacklist.IsRevokedAsync(jti, sid, cancellationToken))
        {
            _logger.LogDebug(LogEvents.AccessTokenRefused, "Access token refused: session {SessionId} revoked", sid);
            return null;
        }

        var caller = new Caller(sub, sid, jti, DateTimeOffset.FromUnixTimeSeconds(authTime), jwt.ValidTo == DateTime.MinValue ? _time.GetUtcNow() : new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        return new ValidatedAccessToken(caller, result.ClaimsIdentity ?? new ClaimsIdentity(jwt.Claims, "Bearer", "sub", "roles"));
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (expires is null || expires.Value.ToUniversalTime() + parameters.ClockSkew < now)
        {
            return false;
        }

        return notBefore is null || notBefore.Value.ToUniversalTime() - parameters.ClockSkew <= now;
    }
}
