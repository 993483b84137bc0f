using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Keys.GetDiscovery;

/// <summary>
/// The OpenID discovery document resource servers read (<c>AddJwtBearer</c> with <c>Authority</c>).
/// <paramref name="RequestBaseUrl"/> is used only when <c>Jwt:Issuer</c> is not an absolute URL.
/// </summary>
public sealed record GetDiscoveryQuery(string RequestBaseUrl) : IQuery<Result<DiscoveryResponse>>;

public sealed record DiscoveryResponse(string Issuer, string JwksUri, string IntrospectionEndpoint, string RevocationEndpoint);
