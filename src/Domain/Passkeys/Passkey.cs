namespace FullAuth.Domain.Passkeys;

/// <summary>A WebAuthn credential registered to a user.</summary>
public sealed class Passkey
{
    private Passkey()
    {
    }

    public Passkey(
        string id,
        string userId,
        byte[] credentialId,
        byte[] publicKey,
        byte[] userHandle,
        uint signCount,
        Guid aaguid,
        string transports,
        bool backupEligible,
        bool backedUp,
        string? name,
        DateTimeOffset createdAt)
    {
        Id = id;
        UserId = userId;
        CredentialId = credentialId;
        PublicKey = publicKey;
        UserHandle = userHandle;
        SignCount = signCount;
        Aaguid = aaguid;
        Transports = transports;
        BackupEligible = backupEligible;
        BackedUp = backedUp;
        Name = name;
        CreatedAt = createdAt;
    }

    public string Id { get; private set; } = string.Empty;
    public string UserId { get; private set; } = string.Empty;
    public byte[] CredentialId { get; private set; } = [];

    /// <summary>The COSE_Key bytes as the authenticator sent them.</summary>
    public byte[] PublicKey { get; private set; } = [];

    public byte[] UserHandle { get; private set; } = [];
    public uint SignCount { get; private set; }
    public Guid Aaguid { get; private set; }

    /// <summary>Comma-separated transports hints.</summary>
    public string Transports { get; private set; } = string.Empty;

    public bool BackupEligible { get; private set; }
    public bool BackedUp { get; private set; }
    public string? Name { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    public void Rename(string name) => Name = name;

    public void RecordUse(uint signCount, bool backedUp, DateTimeOffset now)
    {
        SignCount = signCount;
        BackedUp = backedUp;
        LastUsedAt = now;
    }
}
