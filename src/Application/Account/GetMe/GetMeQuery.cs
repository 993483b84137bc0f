using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Account.GetMe;

public sealed record GetMeQuery(Caller Caller) : IQuery<Result<UserResponse>>;
