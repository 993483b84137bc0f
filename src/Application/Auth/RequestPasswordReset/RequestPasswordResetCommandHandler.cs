using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Tokens;
using FullAuth.Domain.Tokens;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace FullAuth.Application.Auth.RequestPasswordReset;

/// <summary>Always 202 with one body; only an active account gets a link. The mail is queued, never sent on the request path.</summary>
public sealed class RequestPasswordResetCommandHandler(IMailer mailer, IBackgroundWork background)
    : ICommandHandler<RequestPasswordResetCommand, Result>
{
    public ValueTask<Result> Handle(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled)
        {
            return ValueTask.FromResult<Result>(Error.EmailDisabled);
        }

        // The lookup, the token and the mail happen after the answer: an existing account must cost the
        // request exactly what an unknown address does (API.md: same body and timing).
        var email = EmailAddress.Normalize(command.Email!);
        background.Enqueue("password-reset", async (services, ct) =>
        {
            var user = await services.GetRequiredService<IUserRepository>().FindByEmailAsync(email, ct);
            if (user is { IsActive: true })
            {
                await SendResetAsync(
                    user,
                    EmailTemplate.PasswordReset,
                    services.GetRequiredService<IOneTimeTokens>(),
                    services.GetRequiredService<IMailer>(),
                    services.GetRequiredService<IEmailComposer>(),
                    ct);
            }
        });
        return ValueTask.FromResult(Result.Ok);
    }

    /// <summary>Shared with the "someone tried to register with your address" notice, which carries a reset link.</summary>
    public static async Task SendResetAsync(User user, EmailTemplate template, IOneTimeTokens tokens, IMailer mailer, IEmailComposer composer, CancellationToken cancellationToken)
    {
        var token = await tokens.IssueAsync(user, TokenPurposes.PasswordReset, user.Email, sessionId: null, cancellationToken);
        await mailer.SendAsync(template, user.Email, new EmailModel(Name: IMailer.NameFor(user), Link: composer.Link("/reset-password", token)), cancellationToken);
    }
}
