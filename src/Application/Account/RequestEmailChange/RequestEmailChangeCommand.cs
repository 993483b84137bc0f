using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Account.RequestEmailChange;

public sealed record RequestEmailChangeCommand(Caller Caller, string? NewEmail, string? CurrentPassword, ClientInfo Client)
    : ICommand<Result>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Email;

    public string? RateLimitPartition => Client.IpAddress;

    public override string ToString() => $"RequestEmailChangeCommand {{ UserId = {Caller.UserId}, CurrentPassword = *** }}";
}
