using FullAuth.Application.Auth.RequestEmailVerification;
using FullAuth.Application.Auth.RequestPasswordReset;
using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Tokens;
using Mediator;

namespace FullAuth.Application.Common.Notifications;

/// <summary>Registration sends the verification mail.</summary>
public sealed class SendVerificationOnRegistration(IUserRepository users, IOneTimeTokens tokens, IMailer mailer, IEmailComposer composer)
    : INotificationHandler<UserRegistered>
{
    public async ValueTask Handle(UserRegistered notification, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled || await users.FindByIdAsync(notification.UserId, cancellationToken) is not { EmailVerified: false } user)
        {
            return;
        }

        await RequestEmailVerificationCommandHandler.SendVerificationAsync(user, tokens, mailer, composer, cancellationToken);
    }
}

/// <summary>With enumeration prevention on, a registration for a taken address mails its owner a notice with a reset link.</summary>
public sealed class NoticeOnDuplicateRegistration(IUserRepository users, IOneTimeTokens tokens, IMailer mailer, IEmailComposer composer)
    : INotificationHandler<RegistrationAttemptedForExistingEmail>
{
    public async ValueTask Handle(RegistrationAttemptedForExistingEmail notification, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled || await users.FindByIdAsync(notification.UserId, cancellationToken) is not { IsActive: true } user)
        {
            return;
        }

        await RequestPasswordResetCommandHandler.SendResetAsync(user, EmailTemplate.AlreadyRegistered, tokens, mailer, composer, cancellationToken);
    }
}

/// <summary>Security notice: the password was changed or reset.</summary>
public sealed class NoticeOnPasswordChanged(IUserRepository users, IMailer mailer) : INotificationHandler<PasswordChanged>
{
    public async ValueTask Handle(PasswordChanged notification, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled || await users.FindByIdAsync(notification.UserId, cancellationToken) is not { } user)
        {
            return;
        }

        await mailer.SendAsync(
            EmailTemplate.PasswordChanged,
            user.Email,
            new EmailModel(Name: IMailer.NameFor(user), IpAddress: notification.IpAddress, UserAgent: notification.UserAgent, At: notification.At),
            cancellationToken);
    }
}
