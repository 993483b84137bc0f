using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Tokens;
using FullAuth.Domain.Tokens;
using FullAuth.Domain.Users;
using Mediator;

namespace FullAuth.Application.Auth.RequestPasswordReset;

/// <summary>Always 202 with one body; only an active account gets a link. The mail is queued, never sent on the request path.</summary>
public sealed class RequestPasswordResetCommandHandler(IUserRepository users, IOneTimeTokens tokens, IMailer mailer, IEmailComposer composer)
    : ICommandHandler<RequestPasswordResetCommand, Result>
{
    public async ValueTask<Result> Handle(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled)
        {
            return Error.EmailDisabled;
        }

        var user = await users.FindByEmailAsync(EmailAddress.Normalize(command.Email!), cancellationToken);
        if (user is { IsActive: true })
        {
            await SendResetAsync(user, EmailTemplate.PasswordReset, tokens, mailer, composer, cancellationToken);
        }

        return Result.Ok;
    }

    /// <summary>Shared with the "someone tried to register with your address" notice, which carries a reset link.</summary>
    public static async Task SendResetAsync(User user, EmailTemplate template, IOneTimeTokens tokens, IMailer mailer, IEmailComposer composer, CancellationToken cancellationToken)
    {
        var token = await tokens.IssueAsync(user, TokenPurposes.PasswordReset, user.Email, sessionId: null, cancellationToken);
        await mailer.SendAsync(template, user.Email, new EmailModel(Name: IMailer.NameFor(user), Link: composer.Link("/reset-password", token)), cancellationToken);
    }
}
