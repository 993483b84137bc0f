namespace FullAuth.Domain.Mfa;

/// <summary>One single-use recovery code, stored only as a SHA-256 digest of its normalized form.</summary>
public sealed class RecoveryCode
{
    private RecoveryCode()
    {
    }

    public RecoveryCode(string id, string userId, string codeHash, DateTimeOffset createdAt)
    {
        Id = id;
        UserId = userId;
        CodeHash = codeHash;
        CreatedAt = createdAt;
    }

    public string Id { get; private set; } = string.Empty;
    public string UserId { get; private set; } = string.Empty;
    public string CodeHash { get; private set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
}
