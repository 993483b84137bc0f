using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.OAuth.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Configuration.GetPublicConfig;

/// <summary>
/// Reports only what this build can do: passkeys and MFA are not built yet, so they are always off
/// here whatever their settings say. Providers are the configured OAuth providers.
/// </summary>
public sealed class GetPublicConfigQueryHandler(
    IOptions<RegistrationOptions> registration,
    IOptions<PasswordOptions> password,
    IOptions<FullAuthOptions> root,
    IOAuthProviderRegistry oauthProviders) : IQueryHandler<GetPublicConfigQuery, Result<PublicConfigResponse>>
{
    public ValueTask<Result<PublicConfigResponse>> Handle(GetPublicConfigQuery query, CancellationToken cancellationToken)
    {
        var config = new PublicConfigResponse(
            registration.Value.Enabled,
            MagicLinks: false,
            Passkeys: false,
            Providers: oauthProviders.All.Select(p => new ProviderResponse(p.Id, p.DisplayName)).ToList(),
            Mfa: false,
            new PasswordRulesResponse(password.Value.MinLength, password.Value.MaxLength),
            root.Value.TokenDelivery.Trim().ToLowerInvariant());
        return ValueTask.FromResult(Result<PublicConfigResponse>.Success(config));
    }
}
