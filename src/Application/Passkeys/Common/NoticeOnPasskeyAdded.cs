using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Tokens;
using Mediator;

namespace FullAuth.Application.Passkeys.Common;

/// <summary>Security notice: a passkey was added to the account (what, when, from where, what to do if it was not the user).</summary>
public sealed class NoticeOnPasskeyAdded(IUserRepository users, IMailer mailer) : INotificationHandler<PasskeyAdded>
{
    public async ValueTask Handle(PasskeyAdded notification, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled || await users.FindByIdAsync(notification.UserId, cancellationToken) is not { } user)
        {
            return;
        }

        await mailer.SendAsync(
            EmailTemplate.PasskeyAdded,
            user.Email,
            new EmailModel(Name: IMailer.NameFor(user), IpAddress: notification.IpAddress, UserAgent: notification.UserAgent, At: notification.At, Passkey: notification.Name),
            cancellationToken);
    }
}
