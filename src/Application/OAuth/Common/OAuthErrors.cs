using FullAuth.Application.Common.Results;

namespace FullAuth.Application.OAuth.Common;

/// <summary>The OAuth routes' own error codes (API.md "Errors").</summary>
public static class OAuthErrors
{
    public const string FailedCode = "oauth_failed";
    public const string LastLoginMethodCode = "last_login_method";

    /// <summary>Any flow failure; the cause is logged under <c>FullAuth.OAuth</c>, never returned.</summary>
    public static readonly Error Failed = new(FailedCode);

    /// <summary>Removing the only way into the account.</summary>
    public static readonly Error LastLoginMethod = new(LastLoginMethodCode);

    public const string LogCategory = "FullAuth.OAuth";
}
