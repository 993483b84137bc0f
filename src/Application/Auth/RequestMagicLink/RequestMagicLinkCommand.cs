using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Auth.RequestMagicLink;

public sealed record RequestMagicLinkCommand(string? Email, bool RememberMe, ClientInfo Client) : ICommand<Result>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Email;

    public string? RateLimitPartition => Client.IpAddress;
}
