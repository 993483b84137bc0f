using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.OAuth.ListAccounts;
using Mediator;

namespace FullAuth.Application.OAuth.CompleteLink;

/// <summary><c>POST /oauth/{provider}/link/callback</c>: links the provider identity to the caller.</summary>
public sealed record CompleteOAuthLinkCommand(Caller Caller, string Provider, string? Code, string? State, string? BindingToken, ClientInfo Client)
    : ICommand<Result<LinkedAccountResponse>>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Passkey;

    public string? RateLimitPartition => Client.IpAddress;

    public override string ToString() => $"CompleteOAuthLinkCommand {{ Provider = {Provider}, Code = ***, State = *** }}";
}
