namespace FullAuth.Domain.Sessions;

/// <summary>
/// One refresh token. Tokens sharing a <see cref="FamilyId"/> form one session: each refresh marks the
/// presented token used and issues its successor carrying the same session facts. Only the SHA-256
/// digest of the token is stored.
/// </summary>
public sealed class RefreshToken
{
    private RefreshToken()
    {
    }

    private RefreshToken(
        string id,
        string userId,
        string familyId,
        string tokenHash,
        DateTimeOffset createdAt,
        SessionInfo session)
    {
        Id = id;
        UserId = userId;
        FamilyId = familyId;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        SessionCreatedAt = session.CreatedAt;
        ExpiresAt = session.ExpiresAt;
        AuthTime = session.AuthTime;
        Amr = session.Amr;
        RememberMe = session.RememberMe;
        IpAddress = session.IpAddress;
        UserAgent = session.UserAgent;
    }

    public string Id { get; private set; } = string.Empty;
    public string UserId { get; private set; } = string.Empty;

    /// <summary>The session id (<c>sid</c>): constant across rotations.</summary>
    public string FamilyId { get; private set; } = string.Empty;

    public string TokenHash { get; private set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset SessionCreatedAt { get; private set; }

    /// <summary>Fixed at sign-in; rotation never moves it.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset AuthTime { get; private set; }

    /// <summary>Space-separated authentication methods of the interactive sign-in.</summary>
    public string Amr { get; private set; } = string.Empty;

    public bool RememberMe { get; private set; }
    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }

    public IReadOnlyList<string> AmrValues => Amr.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public SessionInfo Session => new(SessionCreatedAt, ExpiresAt, AuthTime, Amr, RememberMe, IpAddress, UserAgent);

    public bool IsActive(DateTimeOffset now) => UsedAt is null && RevokedAt is null && ExpiresAt > now;

    public static RefreshToken StartSession(string userId, string tokenHash, DateTimeOffset now, SessionInfo session)
    {
        var id = Common.Ids.New();
        return new RefreshToken(id, userId, id, tokenHash, now, session);
    }

    /// <summary>The successor in the same family, with the same session facts except where the client is now.</summary>
    public RefreshToken Successor(string tokenHash, DateTimeOffset now, string? ipAddress, string? userAgent) =>
        new(Common.Ids.New(), UserId, FamilyId, tokenHash, now, Session with
        {
            IpAddress = ipAddress ?? IpAddress,
            UserAgent = userAgent ?? UserAgent,
        });
}
