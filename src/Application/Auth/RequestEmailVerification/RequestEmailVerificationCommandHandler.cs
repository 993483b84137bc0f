using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Tokens;
using FullAuth.Domain.Tokens;
using FullAuth.Domain.Users;
using Mediator;

namespace FullAuth.Application.Auth.RequestEmailVerification;

/// <summary>Same answer whether the account exists, is verified or not; only an unverified active account gets mail.</summary>
public sealed class RequestEmailVerificationCommandHandler(IUserRepository users, IOneTimeTokens tokens, IMailer mailer, IEmailComposer composer)
    : ICommandHandler<RequestEmailVerificationCommand, Result>
{
    public async ValueTask<Result> Handle(RequestEmailVerificationCommand command, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled)
        {
            return Error.EmailDisabled;
        }

        var user = command.Caller is { } caller
            ? await users.FindByIdAsync(caller.UserId, cancellationToken)
            : await users.FindByEmailAsync(EmailAddress.Normalize(command.Email!), cancellationToken);
        if (user is { IsActive: true, EmailVerified: false })
        {
            await SendVerificationAsync(user, tokens, mailer, composer, cancellationToken);
        }

        return Result.Ok;
    }

    /// <summary>Shared with registration: a new verification token mailed to the user's address.</summary>
    public static async Task SendVerificationAsync(User user, IOneTimeTokens tokens, IMailer mailer, IEmailComposer composer, CancellationToken cancellationToken)
    {
        var token = await tokens.IssueAsync(user, TokenPurposes.VerifyEmail, user.Email, sessionId: null, cancellationToken);
        await mailer.SendAsync(EmailTemplate.VerifyEmail, user.Email, new EmailModel(Link: composer.Link("/verify-email", token)), cancellationToken);
    }
}
