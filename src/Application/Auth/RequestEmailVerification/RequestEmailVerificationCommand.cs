using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Auth.RequestEmailVerification;

/// <summary>Mails a verification link to the caller (when authenticated) or to <see cref="Email"/>. Always 202.</summary>
public sealed record RequestEmailVerificationCommand(Caller? Caller, string? Email, ClientInfo Client) : ICommand<Result>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Email;

    public string? RateLimitPartition => Client.IpAddress;
}
