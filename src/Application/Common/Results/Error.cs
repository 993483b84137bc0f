namespace FullAuth.Application.Common.Results;

/// <summary>
/// An expected failure. <see cref="Code"/> is the contract's error code; the Api maps each code to one
/// fixed status and body, so a handler never chooses wording that could differ between cases.
/// </summary>
public sealed record Error(string Code, IReadOnlyDictionary<string, string[]>? Fields = null, TimeSpan? RetryAfter = null)
{
    public static readonly Error InvalidCredentials = new(ErrorCodes.InvalidCredentials);
    public static readonly Error Unauthenticated = new(ErrorCodes.Unauthenticated);
    public static readonly Error Forbidden = new(ErrorCodes.Forbidden);
    public static readonly Error NotFound = new(ErrorCodes.NotFound);
    public static readonly Error Conflict = new(ErrorCodes.Conflict);
    public static readonly Error LastAdmin = new(ErrorCodes.LastAdmin);
    public static readonly Error SignInNotAllowed = new(ErrorCodes.SignInNotAllowed);
    public static readonly Error EmailNotVerified = new(ErrorCodes.EmailNotVerified);
    public static readonly Error ReauthenticationRequired = new(ErrorCodes.ReauthenticationRequired);
    public static readonly Error InvalidCurrentPassword = new(ErrorCodes.InvalidCurrentPassword);
    public static readonly Error InvalidToken = new(ErrorCodes.InvalidToken);
    public static readonly Error EmailDisabled = new(ErrorCodes.EmailDisabled);
    public static readonly Error InvalidCode = new(ErrorCodes.InvalidCode);
    public static readonly Error MfaTokenInvalid = new(ErrorCodes.MfaTokenInvalid);
    public static readonly Error MfaEnrollmentRequired = new(ErrorCodes.MfaEnrollmentRequired);

    public static Error Validation(string field, string message) =>
        new(ErrorCodes.ValidationFailed, new Dictionary<string, string[]> { [field] = [message] });

    public static Error Validation(IReadOnlyDictionary<string, string[]> fields) => new(ErrorCodes.ValidationFailed, fields);

    public static Error RateLimited(TimeSpan retryAfter) => new(ErrorCodes.RateLimited, RetryAfter: retryAfter);
}
