using FullAuth.Application.Common.Results;

namespace FullAuth.Api.Http;

/// <summary>
/// Every error code's one fixed status, title and detail (API.md "Errors"). Nothing a handler or an
/// exception says reaches the body, so two failures of the same code are indistinguishable.
/// </summary>
public static class ProblemCatalog
{
    private static readonly Dictionary<string, (int Status, string Title, string Detail)> Entries = new(StringComparer.Ordinal)
    {
        [ErrorCodes.ValidationFailed] = (400, "Validation failed", "One or more fields are invalid."),
        [ErrorCodes.InvalidToken] = (400, "Invalid token", "The token is invalid, used or expired."),
        ["oauth_failed"] = (400, "OAuth sign-in failed", "The sign-in with the provider could not be completed."),
        ["passkey_failed"] = (400, "Passkey registration failed", "The passkey could not be registered."),
        ["last_login_method"] = (400, "Last login method", "This is the only way into the account."),
        [ErrorCodes.InvalidCredentials] = (401, "Invalid credentials", "The credentials are invalid."),
        [ErrorCodes.Unauthenticated] = (401, "Unauthenticated", "A valid access token is required."),
        ["invalid_code"] = (401, "Invalid code", "The code is invalid."),
        ["mfa_token_invalid"] = (401, "MFA token invalid", "Start the sign-in again."),
        [ErrorCodes.Forbidden] = (403, "Forbidden", "You are not allowed to do this."),
        [ErrorCodes.CsrfFailed] = (403, "CSRF check failed", "The CSRF token or origin is missing or invalid."),
        [ErrorCodes.SignInNotAllowed] = (403, "Sign-in not allowed", "Sign-in is not allowed for this account."),
        [ErrorCodes.EmailNotVerified] = (403, "Email not verified", "Verify your email address before signing in."),
        [ErrorCodes.ReauthenticationRequired] = (403, "Reauthentication required", "Sign in again or confirm your current password to do this."),
        [ErrorCodes.InvalidCurrentPassword] = (403, "Invalid current password", "The current password is wrong."),
        ["mfa_enrollment_required"] = (403, "MFA enrollment required", "Set up two-factor authentication first."),
        [ErrorCodes.NotFound] = (404, "Not found", "The resource does not exist."),
        [ErrorCodes.MethodNotAllowed] = (405, "Method not allowed", "The method is not allowed for this resource."),
        [ErrorCodes.UnsupportedMediaType] = (415, "Unsupported media type", "Request bodies must be application/json."),
        [ErrorCodes.PayloadTooLarge] = (413, "Payload too large", "The request body is larger than this route accepts."),
        [ErrorCodes.Conflict] = (409, "Conflict", "The request conflicts with the current state."),
        [ErrorCodes.LastAdmin] = (409, "Last admin", "The change would leave no active admin."),
        [ErrorCodes.RateLimited] = (429, "Too many requests", "Too many requests; retry later."),
        [ErrorCodes.StoreUnavailable] = (503, "Store unavailable", "A required store is unavailable; retry later."),
        [ErrorCodes.Busy] = (503, "Busy", "The server is busy; retry later."),
        [ErrorCodes.EmailDisabled] = (503, "Email disabled", "This deployment sends no email."),
        [ErrorCodes.InternalError] = (500, "Internal error", "An unexpected error occurred."),
    };

    public static (int Status, string Title, string Detail) Get(string code) =>
        Entries.TryGetValue(code, out var entry) ? entry : Entries[ErrorCodes.InternalError];

    public static int StatusOf(string code) => Get(code).Status;

    /// <summary>The code a bare status gets when no handler chose one (routing, content negotiation).</summary>
    public static string CodeForStatus(int status) => status switch
    {
        400 => ErrorCodes.ValidationFailed,
        401 => ErrorCodes.Unauthenticated,
        403 => ErrorCodes.Forbidden,
        404 => ErrorCodes.NotFound,
        405 => ErrorCodes.MethodNotAllowed,
        409 => ErrorCodes.Conflict,
        413 => ErrorCodes.PayloadTooLarge,
        415 => ErrorCodes.UnsupportedMediaType,
        429 => ErrorCodes.RateLimited,
        503 => ErrorCodes.Busy,
        _ => ErrorCodes.InternalError,
    };
}
