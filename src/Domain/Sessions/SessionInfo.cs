namespace FullAuth.Domain.Sessions;

/// <summary>Facts about a session fixed at sign-in (except where the client last was).</summary>
public sealed record SessionInfo(
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset AuthTime,
    string Amr,
    bool RememberMe,
    string? IpAddress,
    string? UserAgent);
