namespace FullAuth.Application.Common.Models;

/// <summary>A new or refreshed session's tokens, with what the Api needs for cookie delivery.</summary>
public sealed record SessionTokens(
    string AccessToken,
    string RefreshToken,
    int ExpiresIn,
    string SessionId,
    DateTimeOffset SessionExpiresAt,
    bool RememberMe)
{
    public override string ToString() => $"SessionTokens {{ SessionId = {SessionId}, ExpiresIn = {ExpiresIn} }}";
}

/// <summary>A completed sign-in: the session's tokens and the user.</summary>
public sealed record SignInResult(SessionTokens Tokens, UserResponse User);
