using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Keys.GetDiscovery;

public sealed class GetDiscoveryQueryHandler(IOptions<JwtOptions> options) : IQueryHandler<GetDiscoveryQuery, Result<DiscoveryResponse>>
{
    public ValueTask<Result<DiscoveryResponse>> Handle(GetDiscoveryQuery query, CancellationToken cancellationToken)
    {
        var issuer = options.Value.Issuer;
        var baseUrl = Uri.TryCreate(issuer, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? issuer.TrimEnd('/')
            : query.RequestBaseUrl.TrimEnd('/');
        var document = new DiscoveryResponse(
            issuer,
            baseUrl + "/.well-known/jwks.json",
            baseUrl + "/api/v1/auth/token/introspect",
            baseUrl + "/api/v1/auth/token/revoke");
        return ValueTask.FromResult(Result<DiscoveryResponse>.Success(document));
    }
}
