using Mediator;

namespace FullAuth.Application.Common.Events;

/// <summary>Two-factor authentication was turned off, by the user or by an admin (<paramref name="ByAdmin"/>).</summary>
public sealed record MfaDisabled(string UserId, bool ByAdmin, string? IpAddress, string? UserAgent, DateTimeOffset At) : INotification;

/// <summary>A recovery code completed a sign-in.</summary>
public sealed record RecoveryCodeUsed(string UserId, int Remaining, string? IpAddress, string? UserAgent, DateTimeOffset At) : INotification;

/// <summary>New recovery codes replaced the old ones.</summary>
public sealed record RecoveryCodesRegenerated(string UserId, string? IpAddress, string? UserAgent, DateTimeOffset At) : INotification;
