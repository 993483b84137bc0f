using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Roles.Common;
using Mediator;

namespace FullAuth.Application.Roles.GetMyAccess;

public sealed record GetMyAccessQuery(Caller Caller) : IQuery<Result<AccessResponse>>;
