using Microsoft.Extensions.Logging;

namespace FullAuth.Application.Common.Observability;

/// <summary>
/// Event ids of the log lines operators alert on (stable across versions; the name is the event's
/// <c>EventName</c> in JSON logs). Ranges: 1xxx sign-in, 2xxx tokens and sessions, 3xxx abuse
/// protection, 4xxx mail, 5xxx extension points, 6xxx browser (CSRF).
/// </summary>
public static class LogEvents
{
    public static readonly EventId SignedIn = new(1000, nameof(SignedIn));
    public static readonly EventId LoginFailed = new(1001, nameof(LoginFailed));
    public static readonly EventId LoginLockedOut = new(1002, nameof(LoginLockedOut));
    public static readonly EventId LoginInactive = new(1003, nameof(LoginInactive));
    public static readonly EventId LoginEmailNotVerified = new(1004, nameof(LoginEmailNotVerified));
    public static readonly EventId SignInVetoed = new(1005, nameof(SignInVetoed));
    public static readonly EventId Registered = new(1010, nameof(Registered));
    public static readonly EventId PasswordChanged = new(1020, nameof(PasswordChanged));
    public static readonly EventId PasswordReset = new(1021, nameof(PasswordReset));

    public static readonly EventId RefreshRefused = new(2000, nameof(RefreshRefused));
    public static readonly EventId RefreshReuseDetected = new(2001, nameof(RefreshReuseDetected));
    public static readonly EventId LoggedOut = new(2010, nameof(LoggedOut));
    public static readonly EventId LogoutTokenMismatch = new(2011, nameof(LogoutTokenMismatch));
    public static readonly EventId AccessTokenRefused = new(2020, nameof(AccessTokenRefused));

    public static readonly EventId RateLimited = new(3000, nameof(RateLimited));
    public static readonly EventId LockedOut = new(3010, nameof(LockedOut));

    public static readonly EventId MailQueued = new(4000, nameof(MailQueued));
    public static readonly EventId MailThrottled = new(4001, nameof(MailThrottled));
    public static readonly EventId MailDelivered = new(4002, nameof(MailDelivered));
    public static readonly EventId MailRetry = new(4003, nameof(MailRetry));
    public static readonly EventId MailFailed = new(4004, nameof(MailFailed));

    public static readonly EventId HookFailed = new(5000, nameof(HookFailed));

    public static readonly EventId CsrfFailed = new(6000, nameof(CsrfFailed));
}
