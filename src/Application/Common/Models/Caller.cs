namespace FullAuth.Application.Common.Models;

/// <summary>The authenticated caller, from a validated access token.</summary>
public sealed record Caller(string UserId, string SessionId, string Jti, DateTimeOffset AuthTime, DateTimeOffset TokenExpiresAt);
