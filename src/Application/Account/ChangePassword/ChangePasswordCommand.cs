using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Account.ChangePassword;

public sealed record ChangePasswordCommand(Caller Caller, string? CurrentPassword, string? NewPassword, ClientInfo Client)
    : ICommand<Result>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Reauth;

    public string? RateLimitPartition => Caller.UserId;

    public override string ToString() => $"ChangePasswordCommand {{ UserId = {Caller.UserId}, CurrentPassword = ***, NewPassword = *** }}";
}
