using System.Buffers.Text;
using System.Security.Cryptography;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.Passkeys.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Passkeys.BeginRegistration;

/// <summary>
/// Issues a <c>create</c> challenge bound to the caller. The user handle is the account's (the one its
/// passkeys already carry, else 32 new random bytes: never the id or the email). Asks for a resident
/// key (a discoverable passkey), offers EdDSA, ES256 and RS256, excludes the credentials the account
/// already has, and asks for no attestation.
/// </summary>
public sealed class BeginPasskeyRegistrationCommandHandler(
    IUserRepository users,
    IPasskeyRepository passkeys,
    IReauthentication reauthentication,
    PasskeyCeremonies ceremonies,
    IOptions<PasskeyOptions> options) : ICommandHandler<BeginPasskeyRegistrationCommand, Result<CreationOptionsJson>>
{
    private const int UserHandleBytes = 32;

    public async ValueTask<Result<CreationOptionsJson>> Handle(BeginPasskeyRegistrationCommand command, CancellationToken cancellationToken)
    {
        var recent = await reauthentication.RecentUserAsync(users, command.Caller, cancellationToken);
        if (!recent.IsSuccess)
        {
            return recent.Error!;
        }

        var user = recent.Value;

        var settings = options.Value;
        var existing = await passkeys.ListForUserAsync(user.Id, cancellationToken);
        var userHandle = Base64Url.EncodeToString(existing.Count > 0 ? existing[0].UserHandle : RandomNumberGenerator.GetBytes(UserHandleBytes));
        var challenge = PasskeyCeremonies.NewChallenge();
        await ceremonies.StoreAsync(new PasskeyCeremony(PasskeyCeremony.Create, challenge, UserId: user.Id, UserHandle: userHandle), cancellationToken);

        return new CreationOptionsJson(
            new RpEntityJson(settings.RpId!, settings.EffectiveRpName),
            new UserEntityJson(userHandle, user.Email, user.Name ?? user.Email),
            challenge,
            PasskeyOptions.Algorithms.Select(alg => new CredentialParameterJson("public-key", alg)).ToList(),
            (long)settings.ChallengeLifetime.TotalMilliseconds,
            existing.Select(p => new CredentialDescriptorJson("public-key", Base64Url.EncodeToString(p.CredentialId), PasskeyTransports.Split(p.Transports))).ToList(),
            new AuthenticatorSelectionJson("required", RequireResidentKey: true, settings.UserVerification),
            "none",
            new CreationExtensionsJson(CredProps: true));
    }
}
