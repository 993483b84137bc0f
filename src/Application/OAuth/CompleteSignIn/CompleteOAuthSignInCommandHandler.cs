using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.OAuth.Common;
using FullAuth.Domain.Common;
using FullAuth.Domain.OAuth;
using FullAuth.Domain.Sessions;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.OAuth.CompleteSignIn;

/// <summary>
/// Account resolution (API.md "OAuth / OpenID Connect sign-in"): an existing link → that user; else a
/// provider-verified (and trusted) email of an existing account → link, dropping everything set
/// before when that account's email was never verified (pre-account takeover defence); else a new
/// account without a password (closed sign-up: 403). Inactive users are refused. The session is
/// started by <see cref="ISessionIssuer"/>, which consults the sign-in policies.
/// </summary>
public sealed class CompleteOAuthSignInCommandHandler(
    OAuthFlows flows,
    IOAuthAccountRepository accounts,
    IUserRepository users,
    ICredentialRepository credentials,
    IProviderTokenStore tokenStore,
    IUnitOfWork unitOfWork,
    ISessionIssuer sessions,
    ISessionRevoker revoker,
    IPublisher publisher,
    IOptions<OAuthOptions> oauthOptions,
    IOptions<RegistrationOptions> registrationOptions,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<CompleteOAuthSignInCommand, Result<SignInResult>>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(OAuthErrors.LogCategory);

    public async ValueTask<Result<SignInResult>> Handle(CompleteOAuthSignInCommand command, CancellationToken cancellationToken)
    {
        var completed = await flows.CompleteAsync(command.Provider, command.Code, command.State, command.BindingToken, OAuthFlow.SignIn, null, null, cancellationToken);
        if (!completed.IsSuccess)
        {
            return completed.Error!;
        }

        var (provider, state, identity) = completed.Value;
        var now = time.GetUtcNow();
        var email = ExternalProfile.Email(identity.Email);
        var trustedEmail = identity.EmailVerified && provider.TrustsEmailVerified ? email : null;
        var provenNow = false;
        var newUser = false;
        var newLink = false;

        User? user;
        var link = await accounts.FindAsync(provider.Id, identity.ProviderUserId, cancellationToken);
        if (link is not null)
        {
            user = await users.FindByIdAsync(link.UserId, cancellationToken);
            if (user is null)
            {
                return Fail(provider, "the linked user no longer exists");
            }
        }
        else
        {
            user = email is null ? null : await users.FindByEmailAsync(email, cancellationToken);
            if (user is not null)
            {
                if (trustedEmail is null)
                {
                    return Fail(provider, $"the provider's email matches user {user.Id} but is not verified (or not trusted): never linked");
                }

                if (!user.IsActive)
                {
                    return Fail(provider, $"user {user.Id} is inactive");
                }

                if (await accounts.FindForUserAsync(user.Id, provider.Id, cancellationToken) is not null)
                {
                    return Fail(provider, $"user {user.Id} already has another {provider.Id} account linked");
                }

                if (!user.EmailVerified)
                {
                    // Pre-account takeover defence: whoever set up this account never proved the address.
                    var dropped = await credentials.RemoveExternalCredentialsAsync(user.Id, cancellationToken);
                    user.ClearCredentials(now);
                    user.MarkEmailVerified(now);
                    provenNow = true;
                    _logger.LogWarning("User {UserId} proved an unverified address through {Provider}: password and {Dropped} earlier credentials dropped", user.Id, provider.Id, dropped);
                }
            }
            else
            {
                if (!registrationOptions.Value.Enabled)
                {
                    _logger.LogInformation("OAuth sign-up through {Provider} refused: registration is closed", provider.Id);
                    return Error.Forbidden;
                }

                if (email is null)
                {
                    return Fail(provider, "the provider gave no usable email for a new account");
                }

                user = new User(Ids.New(), email, ExternalProfile.Name(identity.Name), now);
                var image = ExternalProfile.Image(identity.Image);
                if (image is not null)
                {
                    user.UpdateProfile(default, new Optional<string?>(true, image), now);
                }

                if (trustedEmail is not null)
                {
                    user.MarkEmailVerified(now);
                }

                users.Add(user);
                newUser = true;
            }

            link = new OAuthAccount(Ids.New(), user.Id, provider.Id, identity.ProviderUserId, email, now);
            accounts.Add(link);
            newLink = true;
        }

        if (!user.IsActive)
        {
            return Fail(provider, $"user {user.Id} is inactive");
        }

        if (oauthOptions.Value.StoreProviderTokens && identity.Tokens is not null)
        {
            tokenStore.Store(link, identity.Tokens);
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            return Fail(provider, "a concurrent sign-up or link took the account or the address");
        }

        if (provenNow)
        {
            var revoked = await revoker.RevokeAllAsync(user.Id, exceptSessionId: null, "email_proven_by_oauth", cancellationToken);
            _logger.LogInformation("User {UserId}: {Revoked} earlier sessions ended", user.Id, revoked);
            await publisher.Publish(new EmailVerified(user.Id, user.Email, now), cancellationToken);
        }

        if (newUser)
        {
            _logger.LogInformation("User {UserId} signed up through {Provider}", user.Id, provider.Id);
            await publisher.Publish(new UserRegistered(user.Id, user.Email, now), cancellationToken);
            if (user.EmailVerified)
            {
                await publisher.Publish(new EmailVerified(user.Id, user.Email, now), cancellationToken);
            }
        }

        if (newLink)
        {
            await publisher.Publish(new OAuthAccountLinked(user.Id, provider.Id, identity.ProviderUserId, newUser, now), cancellationToken);
        }

        if (registrationOptions.Value.RequireVerifiedEmail && !user.EmailVerified)
        {
            _logger.LogInformation("OAuth sign-in of user {UserId} refused: email not verified", user.Id);
            return Error.EmailNotVerified;
        }

        return await sessions.SignInAsync(user, [AuthMethods.OAuth], state.RememberMe, command.Client, cancellationToken);
    }

    private Error Fail(IOAuthProvider provider, string cause)
    {
        _logger.LogWarning("OAuth sign-in with {Provider} failed: {Cause}", provider.Id, cause);
        return OAuthErrors.Failed;
    }
}
