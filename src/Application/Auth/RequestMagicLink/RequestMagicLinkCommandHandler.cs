using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Security;
using FullAuth.Application.Common.Tokens;
using FullAuth.Domain.Tokens;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Auth.RequestMagicLink;

/// <summary>
/// Always 202 with one body. An active account gets a sign-in link (with <c>remember_me</c> bound to
/// the token); an unknown address gets a sign-up link only with <c>MagicLinks:AllowSignUp</c>; an
/// inactive account gets nothing. The lookup, the token and the mail happen after the answer, so an
/// existing account costs the request exactly what an unknown address does (same body and timing).
/// </summary>
public sealed class RequestMagicLinkCommandHandler(IMailer mailer, IBackgroundWork background, IOptions<MagicLinksOptions> options)
    : ICommandHandler<RequestMagicLinkCommand, Result>
{
    public ValueTask<Result> Handle(RequestMagicLinkCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return ValueTask.FromResult<Result>(Error.NotFound);
        }

        if (!mailer.Enabled)
        {
            return ValueTask.FromResult<Result>(Error.EmailDisabled);
        }

        var email = EmailAddress.Normalize(command.Email!);
        var rememberMe = command.RememberMe;
        background.Enqueue("magic-link", (services, ct) => SendAsync(services, email, rememberMe, settings, ct));
        return ValueTask.FromResult(Result.Ok);
    }

    private static async Task SendAsync(IServiceProvider services, string email, bool rememberMe, MagicLinksOptions settings, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("FullAuth.Login");
        var user = await services.GetRequiredService<IUserRepository>().FindByEmailAsync(email, cancellationToken);
        string token;
        if (user is not null)
        {
            if (!user.IsActive)
            {
                logger.LogInformation("Magic link not sent to user {UserId}: inactive", user.Id);
                return;
            }

            var purpose = rememberMe ? TokenPurposes.MagicLinkRememberMe : TokenPurposes.MagicLink;
            token = await services.GetRequiredService<IOneTimeTokens>().IssueAsync(user, purpose, user.Email, sessionId: null, cancellationToken);
        }
        else if (settings.AllowSignUp)
        {
            token = await MagicLinkSignUps.IssueAsync(services.GetRequiredService<IChallengeStore>(), email, rememberMe, settings.Lifetime, cancellationToken);
        }
        else
        {
            logger.LogInformation("Magic link not sent to {Email}: no account and sign-up by link is off", OpaqueToken.MaskEmail(email));
            return;
        }

        var name = user is null ? null : IMailer.NameFor(user);
        var composer = services.GetRequiredService<IEmailComposer>();
        await services.GetRequiredService<IMailer>().SendAsync(EmailTemplate.MagicLink, email, new EmailModel(Name: name, Link: composer.Link("/magic-link", token)), cancellationToken);
    }
}
