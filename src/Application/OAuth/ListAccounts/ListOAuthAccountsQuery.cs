using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.OAuth.ListAccounts;

/// <summary><c>GET /oauth/accounts</c>: the caller's linked provider accounts.</summary>
public sealed record ListOAuthAccountsQuery(Caller Caller) : IQuery<Result<IReadOnlyList<OAuthAccountResponse>>>;
