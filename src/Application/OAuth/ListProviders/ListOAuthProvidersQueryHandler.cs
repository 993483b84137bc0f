using FullAuth.Application.Common.Results;
using FullAuth.Application.Configuration.GetPublicConfig;
using FullAuth.Application.OAuth.Common;
using Mediator;

namespace FullAuth.Application.OAuth.ListProviders;

public sealed class ListOAuthProvidersQueryHandler(IOAuthProviderRegistry providers)
    : IQueryHandler<ListOAuthProvidersQuery, Result<OAuthProvidersResponse>>
{
    public ValueTask<Result<OAuthProvidersResponse>> Handle(ListOAuthProvidersQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Result<OAuthProvidersResponse>.Success(new OAuthProvidersResponse(
            providers.All.Select(p => new ProviderResponse(p.Id, p.DisplayName)).ToList())));
}
