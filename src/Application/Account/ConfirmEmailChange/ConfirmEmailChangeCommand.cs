using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Account.ConfirmEmailChange;

public sealed record ConfirmEmailChangeCommand(string? Token, ClientInfo Client) : ICommand<Result<UserResponse>>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Confirm;

    public string? RateLimitPartition => Client.IpAddress;

    public override string ToString() => "ConfirmEmailChangeCommand { Token = *** }";
}
