using System.Buffers.Text;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Passkeys.Common;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Passkeys.BeginAuthentication;

/// <summary>
/// Issues a <c>get</c> challenge. With an email it is bound to that address: with enumeration
/// prevention on (default) nothing is looked up and <c>allowCredentials</c> is <c>[]</c> for every
/// address, so the answer says nothing about the account; with it off, the account's credentials are
/// listed. Without an email, <c>allowCredentials</c> is <c>[]</c> and the authenticator offers its
/// discoverable passkeys.
/// </summary>
public sealed class BeginPasskeyAuthenticationCommandHandler(
    IUserRepository users,
    IPasskeyRepository passkeys,
    PasskeyCeremonies ceremonies,
    IOptions<PasskeyOptions> options,
    IOptions<FullAuthOptions> root,
    IOptions<RegistrationOptions> registration) : ICommandHandler<BeginPasskeyAuthenticationCommand, Result<RequestOptionsJson>>
{
    public async ValueTask<Result<RequestOptionsJson>> Handle(BeginPasskeyAuthenticationCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var email = command.Email is null ? null : EmailAddress.Normalize(command.Email);
        var allow = new List<CredentialDescriptorJson>();
        var preventEnumeration = registration.Value.PreventEnumeration ?? root.Value.PreventEnumeration;
        if (email is not null && !preventEnumeration && await users.FindByEmailAsync(email, cancellationToken) is { IsActive: true } user)
        {
            foreach (var passkey in await passkeys.ListForUserAsync(user.Id, cancellationToken))
            {
                allow.Add(new CredentialDescriptorJson("public-key", Base64Url.EncodeToString(passkey.CredentialId), PasskeyTransports.Split(passkey.Transports)));
            }
        }

        var challenge = PasskeyCeremonies.NewChallenge();
        await ceremonies.StoreAsync(
            new PasskeyCeremony(PasskeyCeremony.Get, challenge, Email: email, RememberMe: command.RememberMe, AllowCredentials: allow.Select(a => a.Id).ToList()),
            cancellationToken);

        return new RequestOptionsJson(challenge, (long)settings.ChallengeLifetime.TotalMilliseconds, settings.RpId!, allow, settings.UserVerification);
    }
}
