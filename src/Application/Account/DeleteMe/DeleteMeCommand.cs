using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Account.DeleteMe;

public sealed record DeleteMeCommand(Caller Caller, string? CurrentPassword) : ICommand<Result>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Reauth;

    public string? RateLimitPartition => Caller.UserId;

    public override string ToString() => $"DeleteMeCommand {{ UserId = {Caller.UserId}, CurrentPassword = *** }}";
}
