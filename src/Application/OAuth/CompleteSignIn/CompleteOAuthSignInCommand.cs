using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.OAuth.CompleteSignIn;

/// <summary><c>POST /oauth/{provider}/callback</c>: redeems the code and signs in (or signs up).</summary>
public sealed record CompleteOAuthSignInCommand(string Provider, string? Code, string? State, string? BindingToken, ClientInfo Client)
    : ICommand<Result<SignInResult>>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Login;

    public string? RateLimitPartition => Client.IpAddress;

    public override string ToString() => $"CompleteOAuthSignInCommand {{ Provider = {Provider}, Code = ***, State = *** }}";
}
