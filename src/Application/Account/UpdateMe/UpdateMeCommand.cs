using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Domain.Common;
using Mediator;

namespace FullAuth.Application.Account.UpdateMe;

/// <summary>PATCH semantics: an absent member is unchanged, <c>null</c> clears it.</summary>
public sealed record UpdateMeCommand(Caller Caller, Optional<string?> Name, Optional<string?> Image) : ICommand<Result<UserResponse>>;
