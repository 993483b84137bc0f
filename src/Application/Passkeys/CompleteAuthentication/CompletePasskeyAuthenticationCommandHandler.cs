using System.Buffers.Text;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.Passkeys.Common;
using FullAuth.Domain.Sessions;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Passkeys.CompleteAuthentication;

/// <summary>
/// Consumes the <c>get</c> challenge the assertion answers, finds the credential by its id, binds it to
/// its owner (the user handle must be the owner's; with an email at begin, the owner must be that
/// address's account), verifies the assertion (WEBAUTHN.md §1.2, counter regressions refused), records
/// the new counter only if no concurrent sign-in moved it, and signs in through the same policies and
/// token issuance as every other method: <c>amr [webauthn]</c>, or <c>[webauthn, mfa]</c> with user
/// verification (two factors). Every failure is the same 401 <c>invalid_credentials</c>; the cause is
/// logged under <c>FullAuth.Passkey</c>.
/// </summary>
public sealed class CompletePasskeyAuthenticationCommandHandler(
    IUserRepository users,
    IPasskeyRepository passkeys,
    IWebAuthnVerifier verifier,
    PasskeyCeremonies ceremonies,
    ISessionIssuer sessions,
    IOptions<PasskeyOptions> options,
    IOptions<RegistrationOptions> registration,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<CompletePasskeyAuthenticationCommand, Result<SignInResult>>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(LogCategories.Passkey);

    public async ValueTask<Result<SignInResult>> Handle(CompletePasskeyAuthenticationCommand command, CancellationToken cancellationToken)
    {
        var header = verifier.ReadHeader(command.Credential);
        if (header is null)
        {
            return Fail("the body is not a WebAuthn credential with a readable clientDataJSON");
        }

        var ceremony = await ceremonies.TakeAsync(PasskeyCeremony.Get, header.Challenge, cancellationToken);
        if (ceremony is null)
        {
            return Fail("the challenge is unknown, expired or already used");
        }

        var passkey = await passkeys.FindByCredentialIdAsync(header.RawId, cancellationToken);
        if (passkey is null)
        {
            return Fail("no passkey has this credential id");
        }

        var user = await users.FindByIdAsync(passkey.UserId, cancellationToken);
        if (user is null)
        {
            return Fail($"passkey {passkey.Id} has no user");
        }

        if (ceremony.Email is not null && !string.Equals(user.Email, ceremony.Email, StringComparison.Ordinal))
        {
            return Fail($"passkey {passkey.Id} of user {user.Id} does not belong to the address given at begin");
        }

        var settings = options.Value;
        var outcome = verifier.VerifyAssertion(
            command.Credential,
            new AssertionCeremony(
                settings.RelyingParty,
                ceremony.ChallengeBytes,
                settings.RequireUserVerification,
                new StoredCredential(passkey.CredentialId, passkey.PublicKey, passkey.SignCount, passkey.UserHandle, passkey.BackupEligible),
                (ceremony.AllowCredentials ?? []).Select(id => Base64Url.DecodeFromChars(id)).ToList(),
                UserIdentified: ceremony.Email is not null));
        if (!outcome.Succeeded)
        {
            return Fail($"passkey {passkey.Id} of user {user.Id}: verification failed at {outcome.FailedCheck}: {outcome.Detail}");
        }

        if (!user.IsActive)
        {
            return Fail($"user {user.Id} is inactive");
        }

        var asserted = outcome.Value!;
        if (!await passkeys.TryRecordUseAsync(passkey.Id, passkey.SignCount, asserted.SignCount, asserted.BackedUp, time.GetUtcNow(), cancellationToken))
        {
            return Fail($"passkey {passkey.Id}: a concurrent sign-in moved the counter first");
        }

        if (registration.Value.RequireVerifiedEmail && !user.EmailVerified)
        {
            _logger.LogInformation("Passkey sign-in of user {UserId} refused: email not verified", user.Id);
            return Error.EmailNotVerified;
        }

        IReadOnlyList<string> amr = asserted.UserVerified ? [AuthMethods.WebAuthn, AuthMethods.Mfa] : [AuthMethods.WebAuthn];
        _logger.LogInformation("User {UserId} proved passkey {PasskeyId} (UV {Uv})", user.Id, passkey.Id, asserted.UserVerified);
        return await sessions.SignInAsync(user, amr, ceremony.RememberMe, command.Client, cancellationToken);
    }

    private Error Fail(string cause)
    {
        _logger.LogWarning("Passkey sign-in refused: {Cause}", cause);
        return Error.InvalidCredentials;
    }
}
