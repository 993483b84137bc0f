using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.OAuth.Common;
using Mediator;

namespace FullAuth.Application.OAuth.StartSignIn;

/// <summary><c>GET /oauth/{provider}/authorize</c>: the provider's authorization URL and the binding cookie.</summary>
public sealed record StartOAuthSignInCommand(string Provider, string? RedirectUri, bool RememberMe, ClientInfo Client)
    : ICommand<Result<OAuthAuthorization>>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Passkey;

    public string? RateLimitPartition => Client.IpAddress;
}
