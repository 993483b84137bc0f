namespace FullAuth.Application.Tokens;

/// <summary>Tells the two kinds of token apart without trusting either: access tokens are JWTs, refresh tokens opaque.</summary>
internal static class TokenShape
{
    /// <summary>Longer than any token FullAuth issues (the access-token validator stops at 8 KiB).</summary>
    public const int MaxLength = 8 * 1024;

    /// <summary>A compact JWS has exactly two dots; an opaque refresh token (base64url) has none.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;
}
