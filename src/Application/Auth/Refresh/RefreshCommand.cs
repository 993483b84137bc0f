using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Auth.Refresh;

public sealed record RefreshCommand(string? RefreshToken, ClientInfo Client) : ICommand<Result<SessionTokens>>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Refresh;

    public string? RateLimitPartition => Client.IpAddress;

    public override string ToString() => "RefreshCommand { RefreshToken = *** }";
}
