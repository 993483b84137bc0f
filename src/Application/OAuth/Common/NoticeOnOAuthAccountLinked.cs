using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Tokens;
using Mediator;

namespace FullAuth.Application.OAuth.Common;

/// <summary>Security notice: a provider was linked to an existing account (not sent at sign-up).</summary>
public sealed class NoticeOnOAuthAccountLinked(IUserRepository users, IOAuthProviderRegistry providers, IMailer mailer)
    : INotificationHandler<OAuthAccountLinked>
{
    public async ValueTask Handle(OAuthAccountLinked notification, CancellationToken cancellationToken)
    {
        if (notification.NewAccount || !mailer.Enabled || await users.FindByIdAsync(notification.UserId, cancellationToken) is not { } user)
        {
            return;
        }

        var providerName = providers.Find(notification.Provider)?.DisplayName ?? notification.Provider;
        await mailer.SendAsync(
            EmailTemplate.ProviderLinked,
            user.Email,
            new EmailModel(Name: IMailer.NameFor(user), Provider: providerName, At: notification.At),
            cancellationToken);
    }
}
