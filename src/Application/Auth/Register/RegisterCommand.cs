using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Auth.Register;

public sealed record RegisterCommand(string? Email, string? Password, string? Name, ClientInfo Client)
    : ICommand<Result<RegisterResult>>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Register;

    public string? RateLimitPartition => Client.IpAddress;

    public override string ToString() => $"RegisterCommand {{ Email = {Email}, Password = *** }}";
}
