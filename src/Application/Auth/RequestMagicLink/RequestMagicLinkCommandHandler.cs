using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Security;
using FullAuth.Application.Common.Tokens;
using FullAuth.Domain.Tokens;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Auth.RequestMagicLink;

/// <summary>
/// Always 202 with one body. An active account gets a sign-in link (with <c>remember_me</c> bound to
/// the token); an unknown address gets a sign-up link only with <c>MagicLinks:AllowSignUp</c>; an
/// inactive account gets nothing. The mail is queued, never sent on the request path.
/// </summary>
public sealed class RequestMagicLinkCommandHandler(
    IUserRepository users,
    IOneTimeTokens tokens,
    IChallengeStore challenges,
    IMailer mailer,
    IEmailComposer composer,
    IOptions<MagicLinksOptions> options,
    ILoggerFactory loggerFactory) : ICommandHandler<RequestMagicLinkCommand, Result>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Login");

    public async ValueTask<Result> Handle(RequestMagicLinkCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return Error.NotFound;
        }

        if (!mailer.Enabled)
        {
            return Error.EmailDisabled;
        }

        var email = EmailAddress.Normalize(command.Email!);
        var user = await users.FindByEmailAsync(email, cancellationToken);
        string token;
        if (user is not null)
        {
            if (!user.IsActive)
            {
                _logger.LogInformation("Magic link not sent to user {UserId}: inactive", user.Id);
                return Result.Ok;
            }

            var purpose = command.RememberMe ? TokenPurposes.MagicLinkRememberMe : TokenPurposes.MagicLink;
            token = await tokens.IssueAsync(user, purpose, user.Email, sessionId: null, cancellationToken);
        }
        else if (settings.AllowSignUp)
        {
            token = await MagicLinkSignUps.IssueAsync(challenges, email, command.RememberMe, settings.Lifetime, cancellationToken);
        }
        else
        {
            _logger.LogInformation("Magic link not sent to {Email}: no account and sign-up by link is off", OpaqueToken.MaskEmail(email));
            return Result.Ok;
        }

        var name = user is null ? null : IMailer.NameFor(user);
        await mailer.SendAsync(EmailTemplate.MagicLink, email, new EmailModel(Name: name, Link: composer.Link("/magic-link", token)), cancellationToken);
        return Result.Ok;
    }
}
