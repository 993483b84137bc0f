using FullAuth.Application.Common.Results;
using FullAuth.Application.Configuration.GetPublicConfig;
using Mediator;

namespace FullAuth.Application.OAuth.ListProviders;

/// <summary><c>GET /oauth/providers</c>: <c>{providers: [{id, name}]}</c>.</summary>
public sealed record ListOAuthProvidersQuery : IQuery<Result<OAuthProvidersResponse>>;

public sealed record OAuthProvidersResponse(IReadOnlyList<ProviderResponse> Providers);
