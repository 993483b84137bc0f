using FullAuth.Application.Common.Models;

namespace FullAuth.Api.Contracts;

/// <summary>The contract's <c>LoginResponse</c> in cookie mode: the tokens travel in cookies.</summary>
public sealed record CookieLoginResponse(UserResponse User, string TokenType, int ExpiresIn, string CsrfToken, bool MfaRequired)
{
    public override string ToString() => $"CookieLoginResponse {{ UserId = {User.Id} }}";
}

/// <summary>Refresh in cookie mode: <c>{token_type, expires_in}</c> and new cookies.</summary>
public sealed record CookieRefreshResponse(string TokenType, int ExpiresIn);

/// <summary><c>GET /csrf</c>.</summary>
public sealed record CsrfTokenResponse(string CsrfToken)
{
    public override string ToString() => "CsrfTokenResponse { CsrfToken = *** }";
}
