using Mediator;

namespace FullAuth.Application.OAuth.Common;

/// <summary>A provider account was linked to a user (sign-in by verified email, sign-up, or the link flow).</summary>
public sealed record OAuthAccountLinked(string UserId, string Provider, string ProviderUserId, DateTimeOffset At) : INotification;

/// <summary>A provider account was unlinked by its user.</summary>
public sealed record OAuthAccountUnlinked(string UserId, string Provider, DateTimeOffset At) : INotification;
