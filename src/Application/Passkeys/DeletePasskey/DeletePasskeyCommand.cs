using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Passkeys.DeletePasskey;

/// <summary><c>DELETE /passkeys/{id}</c> (recent authentication).</summary>
public sealed record DeletePasskeyCommand(Caller Caller, string Id) : ICommand<Result>;
