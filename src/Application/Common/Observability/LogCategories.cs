namespace FullAuth.Application.Common.Observability;

/// <summary>
/// Log categories (filter them with <c>Logging:LogLevel:FullAuth.Login</c> and so on). Passkey, OAuth and
/// Challenges are reserved for those features; the rest are in use.
/// </summary>
public static class LogCategories
{
    public const string Login = "FullAuth.Login";
    public const string Logout = "FullAuth.Logout";
    public const string Tokens = "FullAuth.Tokens";
    public const string Hooks = "FullAuth.Hooks";
    public const string Passkey = "FullAuth.Passkey";
    public const string Challenges = "FullAuth.Challenges";
    public const string OAuth = "FullAuth.OAuth";
    public const string RateLimit = "FullAuth.RateLimit";
    public const string Lockout = "FullAuth.Lockout";
    public const string Csrf = "FullAuth.Csrf";
    public const string Email = "FullAuth.Email";
}
