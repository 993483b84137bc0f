namespace FullAuth.Domain.Tokens;

/// <summary>
/// A mailed one-time token (verify email, password reset, email change, magic link, invitation).
/// Only its SHA-256 digest is stored; it is bound to its purpose, its user and the address it was
/// mailed to, and it can be used once.
/// </summary>
public sealed class OneTimeToken
{
    private OneTimeToken()
    {
    }

    public OneTimeToken(
        string id,
        string userId,
        string purpose,
        string tokenHash,
        string email,
        DateTimeOffset createdAt,
        DateTimeOffset expiresAt,
        string? sessionId = null)
    {
        Id = id;
        UserId = userId;
        Purpose = purpose;
        TokenHash = tokenHash;
        Email = email;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        SessionId = sessionId;
    }

    public string Id { get; private set; } = string.Empty;
    public string UserId { get; private set; } = string.Empty;
    public string Purpose { get; private set; } = string.Empty;
    public string TokenHash { get; private set; } = string.Empty;

    /// <summary>The address the token was mailed to (for an email change: the new address).</summary>
    public string Email { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>The session that asked for it, where that matters (an email change keeps it alive).</summary>
    public string? SessionId { get; private set; }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && ExpiresAt > now;
}

/// <summary>What a one-time token is for.</summary>
public static class TokenPurposes
{
    public const string VerifyEmail = "verify_email";
    public const string PasswordReset = "password_reset";
    public const string EmailChange = "email_change";
    public const string MagicLink = "magic_link";

    /// <summary>A magic link asked for with <c>remember_me</c>: the choice is bound to the token through its purpose.</summary>
    public const string MagicLinkRememberMe = "magic_link_remember";

    public const string Invitation = "invitation";

    /// <summary>Both magic-link purposes (with and without <c>remember_me</c>).</summary>
    public static readonly IReadOnlyList<string> MagicLinks = [MagicLink, MagicLinkRememberMe];

    /// <summary>The purposes a new token of <paramref name="purpose"/> replaces (a new magic link voids older ones of either kind).</summary>
    public static IReadOnlyList<string> ReplacedBy(string purpose) => MagicLinks.Contains(purpose) ? MagicLinks : [purpose];
}
