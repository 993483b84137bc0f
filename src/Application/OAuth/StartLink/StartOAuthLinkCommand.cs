using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.OAuth.Common;
using Mediator;

namespace FullAuth.Application.OAuth.StartLink;

/// <summary><c>POST /oauth/{provider}/link</c> (recent authentication): starts linking a provider to the caller.</summary>
public sealed record StartOAuthLinkCommand(Caller Caller, string Provider, string? RedirectUri, ClientInfo Client)
    : ICommand<Result<OAuthAuthorization>>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Passkey;

    public string? RateLimitPartition => Client.IpAddress;
}
