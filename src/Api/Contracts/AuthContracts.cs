using FullAuth.Application.Common.Models;

namespace FullAuth.Api.Contracts;

// Request bodies are classes (not records) so that their ToString never prints a secret.

public sealed class RegisterRequest
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? Name { get; set; }
}

public sealed class LoginRequest
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public bool? RememberMe { get; set; }
}

public sealed class RefreshRequest
{
    public string? RefreshToken { get; set; }
}

public sealed class LogoutRequest
{
    public string? RefreshToken { get; set; }
}

public sealed class ChangePasswordRequest
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
}

public sealed class DeleteMeRequest
{
    public string? CurrentPassword { get; set; }
}

/// <summary>The contract's <c>TokenPair</c>.</summary>
public sealed record TokenPairResponse(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn)
{
    public static TokenPairResponse From(SessionTokens tokens) => new(tokens.AccessToken, tokens.RefreshToken, "Bearer", tokens.ExpiresIn);

    public override string ToString() => $"TokenPairResponse {{ ExpiresIn = {ExpiresIn} }}";
}

/// <summary>The contract's <c>LoginResponse</c> (JSON delivery).</summary>
public sealed record LoginResponse(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn, UserResponse User, bool MfaRequired)
{
    public static LoginResponse From(SignInResult result) =>
        new(result.Tokens.AccessToken, result.Tokens.RefreshToken, "Bearer", result.Tokens.ExpiresIn, result.User, MfaRequired: false);

    public override string ToString() => $"LoginResponse {{ UserId = {User.Id} }}";
}

public sealed record CreatedUserResponse(UserResponse User);

public sealed record DetailResponse(string Detail);
