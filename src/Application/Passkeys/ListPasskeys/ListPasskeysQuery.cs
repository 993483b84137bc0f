using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Passkeys.Common;
using Mediator;

namespace FullAuth.Application.Passkeys.ListPasskeys;

/// <summary><c>GET /passkeys</c>: the caller's passkeys, oldest first.</summary>
public sealed record ListPasskeysQuery(Caller Caller) : IQuery<Result<IReadOnlyList<PasskeyResponse>>>;

public sealed class ListPasskeysQueryHandler(IPasskeyRepository passkeys) : IQueryHandler<ListPasskeysQuery, Result<IReadOnlyList<PasskeyResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<PasskeyResponse>>> Handle(ListPasskeysQuery query, CancellationToken cancellationToken)
    {
        var list = await passkeys.ListForUserAsync(query.Caller.UserId, cancellationToken);
        return list.Select(PasskeyResponse.From).ToList();
    }
}
