namespace FullAuth.Domain.Sessions;

/// <summary>The <c>amr</c> values the contract allows.</summary>
public static class AuthMethods
{
    public const string Password = "pwd";
    public const string Email = "email";
    public const string OAuth = "oauth";
    public const string WebAuthn = "webauthn";
    public const string Otp = "otp";
    public const string Mfa = "mfa";
}
