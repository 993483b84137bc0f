using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Configuration.GetPublicConfig;

/// <summary>What this deployment offers, for frontends to show only the sign-in methods that are on.</summary>
public sealed record GetPublicConfigQuery : IQuery<Result<PublicConfigResponse>>;

public sealed record PublicConfigResponse(
    bool RegistrationEnabled,
    bool MagicLinks,
    bool Passkeys,
    IReadOnlyList<ProviderResponse> Providers,
    bool Mfa,
    PasswordRulesResponse Password,
    string TokenDelivery);

public sealed record ProviderResponse(string Id, string Name);

public sealed record PasswordRulesResponse(int MinLength, int MaxLength);
