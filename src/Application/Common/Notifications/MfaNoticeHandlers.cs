using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Tokens;
using Mediator;

namespace FullAuth.Application.Common.Notifications;

/// <summary>Security notice: two-factor authentication was turned off.</summary>
public sealed class NoticeOnMfaDisabled(IUserRepository users, IMailer mailer) : INotificationHandler<MfaDisabled>
{
    public ValueTask Handle(MfaDisabled notification, CancellationToken cancellationToken) =>
        MfaNotices.SendAsync(users, mailer, notification.UserId, EmailTemplate.MfaDisabled, notification.IpAddress, notification.UserAgent, notification.At, cancellationToken);
}

/// <summary>Security notice: a recovery code was used to sign in.</summary>
public sealed class NoticeOnRecoveryCodeUsed(IUserRepository users, IMailer mailer) : INotificationHandler<RecoveryCodeUsed>
{
    public ValueTask Handle(RecoveryCodeUsed notification, CancellationToken cancellationToken) =>
        MfaNotices.SendAsync(users, mailer, notification.UserId, EmailTemplate.RecoveryCodeUsed, notification.IpAddress, notification.UserAgent, notification.At, cancellationToken);
}

/// <summary>Security notice: the recovery codes were regenerated.</summary>
public sealed class NoticeOnRecoveryCodesRegenerated(IUserRepository users, IMailer mailer) : INotificationHandler<RecoveryCodesRegenerated>
{
    public ValueTask Handle(RecoveryCodesRegenerated notification, CancellationToken cancellationToken) =>
        MfaNotices.SendAsync(users, mailer, notification.UserId, EmailTemplate.RecoveryCodesRegenerated, notification.IpAddress, notification.UserAgent, notification.At, cancellationToken);
}

internal static class MfaNotices
{
    public static async ValueTask SendAsync(
        IUserRepository users,
        IMailer mailer,
        string userId,
        EmailTemplate template,
        string? ipAddress,
        string? userAgent,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (!mailer.Enabled || await users.FindByIdAsync(userId, cancellationToken) is not { } user)
        {
            return;
        }

        await mailer.SendAsync(
            template,
            user.Email,
            new EmailModel(Name: IMailer.NameFor(user), IpAddress: ipAddress, UserAgent: userAgent, At: at),
            cancellationToken);
    }
}
