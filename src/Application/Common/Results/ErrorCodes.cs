namespace FullAuth.Application.Common.Results;

/// <summary>The error codes of the HTTP contract (API.md, "Errors").</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string InvalidToken = "invalid_token";
    public const string InvalidCredentials = "invalid_credentials";
    public const string Unauthenticated = "unauthenticated";
    public const string InvalidCode = "invalid_code";
    public const string MfaTokenInvalid = "mfa_token_invalid";
    public const string MfaEnrollmentRequired = "mfa_enrollment_required";
    public const string Forbidden = "forbidden";
    public const string CsrfFailed = "csrf_failed";
    public const string SignInNotAllowed = "sign_in_not_allowed";
    public const string EmailNotVerified = "email_not_verified";
    public const string ReauthenticationRequired = "reauthentication_required";
    public const string InvalidCurrentPassword = "invalid_current_password";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string PayloadTooLarge = "payload_too_large";
    public const string Conflict = "conflict";
    public const string LastAdmin = "last_admin";
    public const string RateLimited = "rate_limited";
    public const string StoreUnavailable = "store_unavailable";
    public const string Busy = "busy";
    public const string EmailDisabled = "email_disabled";
    public const string InternalError = "internal_error";
}
