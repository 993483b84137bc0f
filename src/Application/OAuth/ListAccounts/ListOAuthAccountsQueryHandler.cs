using FullAuth.Application.Common.Results;
using FullAuth.Application.OAuth.Common;
using Mediator;

namespace FullAuth.Application.OAuth.ListAccounts;

public sealed class ListOAuthAccountsQueryHandler(IOAuthAccountRepository accounts)
    : IQueryHandler<ListOAuthAccountsQuery, Result<IReadOnlyList<OAuthAccountResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<OAuthAccountResponse>>> Handle(ListOAuthAccountsQuery query, CancellationToken cancellationToken)
    {
        var linked = await accounts.ListForUserAsync(query.Caller.UserId, cancellationToken);
        return Result<IReadOnlyList<OAuthAccountResponse>>.Success(linked.Select(OAuthAccountResponse.From).ToList());
    }
}
