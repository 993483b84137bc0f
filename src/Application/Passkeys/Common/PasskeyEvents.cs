using Mediator;

namespace FullAuth.Application.Passkeys.Common;

/// <summary>A passkey was registered to a user.</summary>
public sealed record PasskeyAdded(string UserId, string PasskeyId, string Name, string? IpAddress, string? UserAgent, DateTimeOffset At) : INotification;

/// <summary>A user removed one of their passkeys.</summary>
public sealed record PasskeyRemoved(string UserId, string PasskeyId, DateTimeOffset At) : INotification;
