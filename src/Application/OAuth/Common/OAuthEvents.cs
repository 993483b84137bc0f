using Mediator;

namespace FullAuth.Application.OAuth.Common;

/// <summary>
/// A provider account was linked to a user: by the link flow, by a sign-in with the verified email of
/// an existing account, or at sign-up (<paramref name="NewAccount"/>).
/// </summary>
public sealed record OAuthAccountLinked(string UserId, string Provider, string ProviderUserId, bool NewAccount, DateTimeOffset At) : INotification;

/// <summary>A provider account was unlinked by its user.</summary>
public sealed record OAuthAccountUnlinked(string UserId, string Provider, DateTimeOffset At) : INotification;
