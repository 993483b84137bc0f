using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.OAuth.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Configuration.GetPublicConfig;

/// <summary>
/// Reports only what this build can do: passkeys are not built yet, so they are always off here
/// whatever their settings say. TOTP is always available (<c>mfa: true</c>). Providers are the
/// configured OAuth providers. <c>magic_links</c> is on when <c>MagicLinks:Enabled</c> and a mail
/// transport is configured (without one the request route can only answer 503).
/// </summary>
public sealed class GetPublicConfigQueryHandler(
    IOptions<RegistrationOptions> registration,
    IOptions<PasswordOptions> password,
    IOptions<FullAuthOptions> root,
    IOptions<MagicLinksOptions> magicLinks,
    IEmailOutbox outbox,
    IOAuthProviderRegistry oauthProviders) : IQueryHandler<GetPublicConfigQuery, Result<PublicConfigResponse>>
{
    public ValueTask<Result<PublicConfigResponse>> Handle(GetPublicConfigQuery query, CancellationToken cancellationToken)
    {
        var config = new PublicConfigResponse(
            registration.Value.Enabled,
            MagicLinks: magicLinks.Value.Enabled && outbox.Enabled,
            Passkeys: false,
            Providers: oauthProviders.All.Select(p => new ProviderResponse(p.Id, p.DisplayName)).ToList(),
            Mfa: true,
            new PasswordRulesResponse(password.Value.MinLength, password.Value.MaxLength),
            root.Value.TokenDelivery.Trim().ToLowerInvariant());
        return ValueTask.FromResult(Result<PublicConfigResponse>.Success(config));
    }
}
