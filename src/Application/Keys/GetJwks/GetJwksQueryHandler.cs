using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Keys.GetJwks;

public sealed class GetJwksQueryHandler(IJwksProvider keys) : IQueryHandler<GetJwksQuery, Result<JwksResponse>>
{
    public ValueTask<Result<JwksResponse>> Handle(GetJwksQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(keys.PublicKeys.Count == 0
            ? Result<JwksResponse>.Failure(Error.NotFound)
            : Result<JwksResponse>.Success(new JwksResponse(keys.PublicKeys)));
}
