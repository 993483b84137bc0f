using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Auth.Login;

public sealed record LoginCommand(string? Email, string? Password, bool RememberMe, ClientInfo Client)
    : ICommand<Result<SignInResult>>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Login;

    public string? RateLimitPartition => Client.IpAddress;

    public override string ToString() => $"LoginCommand {{ Email = {Email}, Password = *** }}";
}
