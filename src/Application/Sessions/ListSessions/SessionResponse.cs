namespace FullAuth.Application.Sessions.ListSessions;

/// <summary>The contract's <c>Session</c> shape.</summary>
public sealed record SessionResponse(
    string Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUsedAt,
    DateTimeOffset ExpiresAt,
    string? IpAddress,
    string? UserAgent,
    bool Current,
    IReadOnlyList<string> Amr);
