using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.Common.Tokens;
using FullAuth.Domain.Tokens;
using FullAuth.Domain.Users;
using Mediator;

namespace FullAuth.Application.Account.RequestEmailChange;

/// <summary>
/// After recent authentication, mails a confirmation link to the new address and a notice to the
/// current one; if the new address already has an account, that address gets an "already
/// registered" notice instead. Always 202.
/// </summary>
public sealed class RequestEmailChangeCommandHandler(
    IUserRepository users,
    IReauthentication reauthentication,
    IOneTimeTokens tokens,
    IMailer mailer,
    IEmailComposer composer,
    TimeProvider time) : ICommandHandler<RequestEmailChangeCommand, Result>
{
    public async ValueTask<Result> Handle(RequestEmailChangeCommand command, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled)
        {
            return Error.EmailDisabled;
        }

        var user = await users.FindByIdAsync(command.Caller.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            return Error.Unauthenticated;
        }

        var recent = await reauthentication.RequireAsync(command.Caller, user, command.CurrentPassword, cancellationToken);
        if (!recent.IsSuccess)
        {
            return recent;
        }

        var newEmail = EmailAddress.Normalize(command.NewEmail!);
        if (newEmail == user.Email)
        {
            return Error.Validation("new_email", "The new email must differ from the current one.");
        }

        var model = new EmailModel(IpAddress: command.Client.IpAddress, UserAgent: command.Client.UserAgent, At: time.GetUtcNow());
        if (await users.FindByEmailAsync(newEmail, cancellationToken) is not null)
        {
            await mailer.SendAsync(EmailTemplate.EmailTaken, newEmail, model, cancellationToken);
            return Result.Ok;
        }

        var token = await tokens.IssueAsync(user, TokenPurposes.EmailChange, newEmail, command.Caller.SessionId, cancellationToken);
        await mailer.SendAsync(EmailTemplate.EmailChangeConfirm, newEmail, model with { Link = composer.Link("/confirm-email-change", token) }, cancellationToken);
        await mailer.SendAsync(EmailTemplate.EmailChangeNotice, user.Email, model with { Name = IMailer.NameFor(user), NewEmail = newEmail }, cancellationToken);
        return Result.Ok;
    }
}
