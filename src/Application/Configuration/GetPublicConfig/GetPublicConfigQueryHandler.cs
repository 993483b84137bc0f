using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.OAuth.Common;
using FullAuth.Application.Passkeys.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Configuration.GetPublicConfig;

/// <summary>
/// Reports what this deployment offers: passkeys are on when <c>Passkeys:RpId</c> is set. TOTP is always available (<c>mfa: true</c>). Providers are the
/// configured OAuth providers. <c>magic_links</c> is on when <c>MagicLinks:Enabled</c> and a mail
/// transport is configured (without one the request route can only answer 503).
/// </summary>
public sealed class GetPublicConfigQueryHandler(
    IOptions<RegistrationOptions> registration,
    IOptions<PasswordOptions> password,
    IOptions<FullAuthOptions> root,
    IOptions<MagicLinksOptions> magicLinks,
    IEmailOutbox outbox,
    IOAuthProviderRegistry oauthProviders,
    IOptions<PasskeyOptions> passkeys) : IQueryHandler<GetPublicConfigQuery, Result<PublicConfigResponse>>
{
    public ValueTask<Result<PublicConfigResponse>> Handle(GetPublicConfigQuery query, CancellationToken cancellationToken)
    {
        var config = new PublicConfigResponse(
            registration.Value.Enabled,
            MagicLinks: magicLinks.Value.Enabled && outbox.Enabled,
            Passkeys: passkeys.Value.Enabled,
            Providers: oauthProviders.All.Select(p => new ProviderResponse(p.Id, p.DisplayName)).ToList(),
            Mfa: true,
            new PasswordRulesResponse(password.Value.MinLength, password.Value.MaxLength),
            root.Value.TokenDelivery.Trim().ToLowerInvariant());
        return ValueTask.FromResult(Result<PublicConfigResponse>.Success(config));
    }
}
