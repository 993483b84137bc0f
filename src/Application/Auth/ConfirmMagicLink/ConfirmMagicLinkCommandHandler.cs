using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Security;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.Common.Tokens;
using FullAuth.Domain.Common;
using FullAuth.Domain.Sessions;
using FullAuth.Domain.Tokens;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Auth.ConfirmMagicLink;

/// <summary>
/// Redeems a magic link (once, even under concurrent submits) and signs in through the common
/// session issuer with <c>amr: ["email"]</c> and the <c>remember_me</c> chosen at request time.
/// The link proves the mailbox: an address that was never verified drops whatever was set up before
/// (password, linked providers, passkeys, sessions: pre-account takeover defence), then counts as
/// verified. A sign-up link (<c>MagicLinks:AllowSignUp</c>) creates the account, verified and
/// without a password; closed sign-up answers 403 <c>forbidden</c>.
/// </summary>
public sealed class ConfirmMagicLinkCommandHandler(
    IOneTimeTokens tokens,
    IChallengeStore challenges,
    IUserRepository users,
    ICredentialRepository credentials,
    IUnitOfWork unitOfWork,
    ISessionIssuer sessions,
    ISessionRevoker revoker,
    IPublisher publisher,
    IOptions<MagicLinksOptions> options,
    IOptions<RegistrationOptions> registrationOptions,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<ConfirmMagicLinkCommand, Result<SignInResult>>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Login");

    public async ValueTask<Result<SignInResult>> Handle(ConfirmMagicLinkCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return Error.NotFound;
        }

        var redeemed = await tokens.RedeemAsync(command.Token!, TokenPurposes.MagicLinks, cancellationToken);
        if (redeemed.IsSuccess)
        {
            var user = await users.FindByIdAsync(redeemed.Value.UserId, cancellationToken);
            if (user is not { IsActive: true } || user.Email != redeemed.Value.Email)
            {
                _logger.LogWarning("Magic link refused: the account is gone, inactive or has another address now");
                return Error.InvalidToken;
            }

            return await SignInAsync(user, redeemed.Value.Purpose == TokenPurposes.MagicLinkRememberMe, command.Client, cancellationToken);
        }

        var pending = await MagicLinkSignUps.TakeAsync(challenges, command.Token!, cancellationToken);
        if (pending is null || !settings.AllowSignUp)
        {
            return Error.InvalidToken;
        }

        return await SignUpAsync(pending, command.Client, cancellationToken);
    }

    private async Task<Result<SignInResult>> SignUpAsync(MagicLinkSignUps.Pending pending, ClientInfo client, CancellationToken cancellationToken)
    {
        var masked = OpaqueToken.MaskEmail(pending.Email);
        if (!registrationOptions.Value.Enabled)
        {
            _logger.LogInformation("Magic-link sign-up for {Email} refused: sign-up is closed", masked);
            return Error.Forbidden;
        }

        // A sign-up link is for an address without an account; if one exists now, the owner asks again
        // and gets a sign-in link (which applies the takeover defence to whatever was set up meanwhile).
        if (await users.FindByEmailAsync(pending.Email, cancellationToken) is not null)
        {
            _logger.LogInformation("Magic-link sign-up for {Email} refused: the address has an account now", masked);
            return Error.InvalidToken;
        }

        var now = time.GetUtcNow();
        var user = new User(Ids.New(), pending.Email, name: null, now);
        user.MarkEmailVerified(now);
        users.Add(user);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            _logger.LogInformation("Magic-link sign-up for {Email} lost a race with another registration", masked);
            return Error.InvalidToken;
        }

        _logger.LogInformation("User {UserId} signed up by magic link", user.Id);
        await publisher.Publish(new UserRegistered(user.Id, user.Email, now), cancellationToken);
        await publisher.Publish(new EmailVerified(user.Id, user.Email, now), cancellationToken);
        return await sessions.SignInAsync(user, [AuthMethods.Email], pending.RememberMe, client, cancellationToken);
    }

    private async Task<Result<SignInResult>> SignInAsync(User user, bool rememberMe, ClientInfo client, CancellationToken cancellationToken)
    {
        if (!user.EmailVerified)
        {
            var now = time.GetUtcNow();
            var dropped = await credentials.RemoveExternalCredentialsAsync(user.Id, cancellationToken);
            var hadPassword = user.HasPassword;
            user.ClearCredentials(now);
            user.MarkEmailVerified(now);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            var ended = await revoker.RevokeAllAsync(user.Id, exceptSessionId: null, "email_proven", cancellationToken);
            _logger.LogInformation(
                "User {UserId} proved an unverified address by magic link: password dropped {HadPassword}, {Dropped} other credentials dropped, {Ended} sessions ended",
                user.Id,
                hadPassword,
                dropped,
                ended);
            await publisher.Publish(new EmailVerified(user.Id, user.Email, now), cancellationToken);
        }

        return await sessions.SignInAsync(user, [AuthMethods.Email], rememberMe, client, cancellationToken);
    }
}
