namespace FullAuth.Domain.Users;

using FullAuth.Domain.Common;

/// <summary>An account. Email is stored lower-cased and trimmed; compare with <see cref="EmailAddress.Normalize"/>.</summary>
public sealed class User
{
    private readonly List<UserRole> _roles = [];

    private User()
    {
    }

    public User(string id, string email, string? name, DateTimeOffset createdAt)
    {
        Id = id;
        Email = EmailAddress.Normalize(email);
        Name = name;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        IsActive = true;
    }

    public string Id { get; private set; } = string.Empty;
    public string Email { get; private set; } = string.Empty;
    public string? Name { get; private set; }
    public string? Image { get; private set; }
    public bool EmailVerified { get; private set; }
    public bool IsActive { get; private set; }
    public string? PasswordHash { get; private set; }
    public bool MfaEnabled { get; private set; }

    /// <summary>The enabled TOTP secret, encrypted at rest (the Application never stores it in clear).</summary>
    public string? TotpSecret { get; private set; }

    /// <summary>A secret from <c>/mfa/totp/setup</c> waiting for its first valid code (encrypted).</summary>
    public string? PendingTotpSecret { get; private set; }

    /// <summary>The RFC 6238 time step of the last accepted code: a code of this step or earlier is a replay.</summary>
    public long? TotpLastUsedStep { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Changes whenever credentials change; used for optimistic concurrency.</summary>
    public long Version { get; private set; }

    public IReadOnlyCollection<UserRole> Roles => _roles;

    public bool HasPassword => PasswordHash is not null;

    public IReadOnlyList<string> RoleNames => _roles.Select(r => r.RoleName).Order(StringComparer.Ordinal).ToList();

    public void SetPasswordHash(string hash, DateTimeOffset now)
    {
        PasswordHash = hash;
        Touch(now);
    }

    public void UpdateProfile(Optional<string?> name, Optional<string?> image, DateTimeOffset now)
    {
        if (name.HasValue)
        {
            Name = name.Value;
        }

        if (image.HasValue)
        {
            Image = image.Value;
        }

        Touch(now);
    }

    public void MarkEmailVerified(DateTimeOffset now)
    {
        EmailVerified = true;
        Touch(now);
    }

    /// <summary>Changes the address; the new one is verified by the act of confirming it.</summary>
    public void ChangeEmail(string email, DateTimeOffset now)
    {
        Email = EmailAddress.Normalize(email);
        EmailVerified = true;
        Touch(now);
    }

    /// <summary>
    /// Pre-account takeover defence: the mailbox owner proved ownership of an address that was never
    /// verified, so whatever someone set up before (the password and any TOTP enrollment) is dropped.
    /// </summary>
    public void ClearCredentials(DateTimeOffset now)
    {
        PasswordHash = null;
        DisableMfa(now);
    }

    public void SetEmailVerified(bool verified, DateTimeOffset now)
    {
        EmailVerified = verified;
        Touch(now);
    }

    /// <summary>Turns two-factor authentication off and forgets every TOTP secret.</summary>
    public void DisableMfa(DateTimeOffset now)
    {
        MfaEnabled = false;
        TotpSecret = null;
        PendingTotpSecret = null;
        TotpLastUsedStep = null;
        Touch(now);
    }

    /// <summary>Stores (or replaces) the secret being enrolled; it does nothing until <see cref="EnableTotp"/>.</summary>
    public void SetPendingTotpSecret(string protectedSecret, DateTimeOffset now)
    {
        PendingTotpSecret = protectedSecret;
        Touch(now);
    }

    /// <summary>The pending secret becomes the active one (after a valid code proved the device has it); that code's step counts as used.</summary>
    public void EnableTotp(long acceptedStep, DateTimeOffset now)
    {
        if (PendingTotpSecret is null)
        {
            throw new InvalidOperationException("There is no pending TOTP secret to enable.");
        }

        TotpSecret = PendingTotpSecret;
        PendingTotpSecret = null;
        TotpLastUsedStep = acceptedStep;
        MfaEnabled = true;
        Touch(now);
    }

    public void SetActive(bool active, DateTimeOffset now)
    {
        IsActive = active;
        Touch(now);
    }

    public bool HasRole(string roleName) => _roles.Any(r => r.RoleName == roleName);

    public void AddRole(string roleName, DateTimeOffset now)
    {
        if (!HasRole(roleName))
        {
            _roles.Add(new UserRole(Id, roleName, now));
        }
    }

    public void RemoveRole(string roleName) => _roles.RemoveAll(r => r.RoleName == roleName);

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
