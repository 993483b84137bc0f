using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Auth.ConfirmEmailVerification;

public sealed record ConfirmEmailVerificationCommand(string? Token, ClientInfo Client) : ICommand<Result>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Confirm;

    public string? RateLimitPartition => Client.IpAddress;

    public override string ToString() => "ConfirmEmailVerificationCommand { Token = *** }";
}
