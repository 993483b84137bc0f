using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.OAuth.Unlink;

/// <summary><c>DELETE /oauth/accounts/{provider}</c> (recent authentication).</summary>
public sealed record UnlinkOAuthAccountCommand(Caller Caller, string Provider) : ICommand<Result>;
