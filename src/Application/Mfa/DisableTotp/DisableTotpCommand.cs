using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Mfa.DisableTotp;

/// <summary>Turns two-factor authentication off: a current code (with recent authentication) or the current password.</summary>
public sealed record DisableTotpCommand(Caller Caller, string? Code, string? CurrentPassword, ClientInfo Client) : ICommand<Result>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Reauth;

    public string? RateLimitPartition => Caller.UserId;

    public override string ToString() => $"DisableTotpCommand {{ UserId = {Caller.UserId}, Code = ***, CurrentPassword = *** }}";
}
