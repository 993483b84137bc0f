using Mediator;

namespace FullAuth.Application.Common.Events;

// Domain events, published as Mediator notifications after the change is saved. A forked app reacts
// by adding an INotificationHandler<T>; a handler that throws is logged under FullAuth.Hooks and
// never fails the request.

public sealed record UserRegistered(string UserId, string Email, DateTimeOffset At) : INotification;

/// <summary>Someone registered with an address that already has an account (enumeration prevention on).</summary>
public sealed record RegistrationAttemptedForExistingEmail(string UserId, string Email, DateTimeOffset At) : INotification;

public sealed record UserSignedIn(string UserId, string SessionId, IReadOnlyList<string> Amr, string? IpAddress, string? UserAgent, DateTimeOffset At) : INotification;

public sealed record UserSignedOut(string UserId, string SessionId, DateTimeOffset At) : INotification;

public sealed record SessionRevoked(string UserId, string SessionId, string Reason, DateTimeOffset At) : INotification;

public sealed record PasswordChanged(string UserId, string? IpAddress, string? UserAgent, DateTimeOffset At) : INotification;

public sealed record UserProfileUpdated(string UserId, DateTimeOffset At) : INotification;

public sealed record UserDeleted(string UserId, string Email, DateTimeOffset At) : INotification;

public sealed record RefreshTokenReuseDetected(string UserId, string SessionId, string? IpAddress, DateTimeOffset At) : INotification;

public sealed record EmailVerified(string UserId, string Email, DateTimeOffset At) : INotification;

public sealed record EmailChanged(string UserId, string OldEmail, string NewEmail, DateTimeOffset At) : INotification;

/// <summary>An administrative change was made and audited (role created, user disabled, …); <see cref="Action"/> says which.</summary>
public sealed record AuditRecorded(string EntryId, string Action, string? ActorId, string? TargetId, string? IpAddress, string? Details, DateTimeOffset At) : INotification;
