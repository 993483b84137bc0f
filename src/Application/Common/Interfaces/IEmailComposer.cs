namespace FullAuth.Application.Common.Interfaces;

/// <summary>The mails FullAuth sends.</summary>
public enum EmailTemplate
{
    VerifyEmail,
    PasswordReset,
    AlreadyRegistered,
    EmailChangeConfirm,
    EmailChangeNotice,
    EmailTaken,
    PasswordChanged,
    Invitation,
    MagicLink,
    MfaDisabled,
    RecoveryCodeUsed,
    RecoveryCodesRegenerated,
    ProviderLinked,
    PasskeyAdded,
}

/// <summary>
/// Values a template may use. <see cref="Name"/> is the user-typed name: leave it null for mail to an
/// unverified address (it could be anyone's text).
/// </summary>
public sealed record EmailModel(
    string? Name = null,
    string? Link = null,
    string? NewEmail = null,
    string? IpAddress = null,
    string? UserAgent = null,
    DateTimeOffset? At = null,
    string? Provider = null,
    string? Passkey = null);

public interface IEmailComposer
{
    /// <summary>Renders the HTML and text parts (every value HTML-encoded in the HTML part).</summary>
    EmailMessage Compose(EmailTemplate template, string to, EmailModel model);

    /// <summary>An absolute link into the frontend: <c>Email:FrontendUrl</c> + path + <c>?token=</c>.</summary>
    string Link(string path, string token);
}
