using FullAuth.Application.Common.Models;

namespace FullAuth.Application.Auth.Register;

public enum RegisterOutcome
{
    /// <summary>Enumeration prevention on: 202 with a fixed body, whether or not the address was taken.</summary>
    Accepted,

    /// <summary>Created and signed in: 201 <c>LoginResponse</c>.</summary>
    SignedIn,

    /// <summary>Created, but the email must be verified before signing in: 201 <c>{user}</c>.</summary>
    Created,
}

public sealed record RegisterResult(RegisterOutcome Outcome, SignInResult? SignIn = null, UserResponse? User = null);
