using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Passkeys.Common;
using Mediator;

namespace FullAuth.Application.Passkeys.RenamePasskey;

/// <summary><c>PATCH /passkeys/{id}</c> <c>{name}</c>; another user's or an unknown id is 404.</summary>
public sealed record RenamePasskeyCommand(Caller Caller, string Id, string? Name) : ICommand<Result<PasskeyResponse>>;
