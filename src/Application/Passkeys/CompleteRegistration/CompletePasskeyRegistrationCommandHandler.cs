using System.Buffers.Text;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Passkeys.Common;
using FullAuth.Domain.Common;
using FullAuth.Domain.Passkeys;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Passkeys.CompleteRegistration;

/// <summary>
/// Consumes the <c>create</c> challenge the credential answers (it must be the caller's), verifies the
/// attestation (WEBAUTHN.md §1.1), refuses a credential id registered to anyone, and stores the
/// credential for the account named by the challenge, never by anything the client sent. Every failure
/// is the one 400 <c>passkey_failed</c>; the cause is logged under <c>FullAuth.Passkey</c>.
/// </summary>
public sealed class CompletePasskeyRegistrationCommandHandler(
    IUserRepository users,
    IPasskeyRepository passkeys,
    IWebAuthnVerifier verifier,
    PasskeyCeremonies ceremonies,
    IUnitOfWork unitOfWork,
    IPublisher publisher,
    IOptions<PasskeyOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ICommandHandler<CompletePasskeyRegistrationCommand, Result<PasskeyResponse>>
{
    public const string DefaultName = "Passkey";

    private readonly ILogger _logger = loggerFactory.CreateLogger(LogCategories.Passkey);

    public async ValueTask<Result<PasskeyResponse>> Handle(CompletePasskeyRegistrationCommand command, CancellationToken cancellationToken)
    {
        var userId = command.Caller.UserId;
        var header = verifier.ReadHeader(command.Credential);
        if (header is null)
        {
            return Fail(userId, "the body is not a WebAuthn credential with a readable clientDataJSON");
        }

        var ceremony = await ceremonies.TakeAsync(PasskeyCeremony.Create, header.Challenge, cancellationToken);
        if (ceremony is null)
        {
            return Fail(userId, "the challenge is unknown, expired or already used");
        }

        if (!string.Equals(ceremony.UserId, userId, StringComparison.Ordinal))
        {
            return Fail(userId, $"the challenge was issued to user {ceremony.UserId}");
        }

        var user = await users.FindByIdAsync(userId, cancellationToken);
        if (user is not { IsActive: true })
        {
            return Error.Unauthenticated;
        }

        var settings = options.Value;
        var outcome = verifier.VerifyRegistration(
            command.Credential,
            new RegistrationCeremony(settings.RelyingParty, ceremony.ChallengeBytes, settings.RequireUserVerification, PasskeyOptions.Algorithms));
        if (!outcome.Succeeded)
        {
            return Fail(userId, $"verification failed at {outcome.FailedCheck}: {outcome.Detail}");
        }

        var verified = outcome.Value!;
        if (await passkeys.FindByCredentialIdAsync(verified.CredentialId, cancellationToken) is { } taken)
        {
            return Fail(userId, $"credential id already registered (to user {taken.UserId})");
        }

        var now = time.GetUtcNow();
        var name = string.IsNullOrWhiteSpace(command.Name) ? DefaultName : command.Name.Trim();
        var passkey = new Passkey(
            Ids.New(),
            user.Id,
            verified.CredentialId,
            verified.PublicKey,
            Base64Url.DecodeFromChars(ceremony.UserHandle),
            verified.SignCount,
            verified.Aaguid,
            PasskeyTransports.Join(verified.Transports),
            verified.BackupEligible,
            verified.BackedUp,
            name,
            now);
        passkeys.Add(passkey);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            return Fail(userId, "credential id registered concurrently");
        }

        _logger.LogInformation(
            "User {UserId} added passkey {PasskeyId} (alg {Alg}, fmt {Fmt}, {Attestation}, UV {Uv}, BE {Be})",
            user.Id, passkey.Id, verified.Algorithm, verified.Format, verified.AttestationType, verified.UserVerified, verified.BackupEligible);
        await publisher.Publish(new PasskeyAdded(user.Id, passkey.Id, name, command.Client.IpAddress, command.Client.UserAgent, now), cancellationToken);
        return PasskeyResponse.From(passkey);
    }

    private Error Fail(string userId, string cause)
    {
        _logger.LogWarning("Passkey registration for user {UserId} refused: {Cause}", userId, cause);
        return PasskeyErrors.Failed;
    }
}
