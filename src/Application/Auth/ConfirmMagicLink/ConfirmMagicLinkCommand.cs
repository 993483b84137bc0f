using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Auth.ConfirmMagicLink;

public sealed record ConfirmMagicLinkCommand(string? Token, ClientInfo Client) : ICommand<Result<SignInResult>>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Confirm;

    public string? RateLimitPartition => Client.IpAddress;

    public override string ToString() => "ConfirmMagicLinkCommand { Token = *** }";
}
