namespace FullAuth.Application.Tokens.IntrospectToken;

/// <summary>
/// An introspection answer (RFC 7662). When <see cref="Active"/> is false every other member is null
/// and the Api answers <c>{"active": false}</c> and nothing else. Times are seconds since the epoch.
/// </summary>
public sealed record TokenIntrospection(bool Active, string? Sub, string? Sid, long? Exp, long? Iat, string? TokenType)
{
    public const string AccessToken = "access_token";
    public const string RefreshToken = "refresh_token";

    public static readonly TokenIntrospection Inactive = new(false, null, null, null, null, null);
}
