using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Mfa.VerifyMfa;

/// <summary>The second step of a sign-in: the <c>mfa_token</c> plus a TOTP code or a recovery code.</summary>
public sealed record VerifyMfaCommand(string? MfaToken, string? Code, string? RecoveryCode, ClientInfo Client)
    : ICommand<Result<SignInResult>>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Login;

    public string? RateLimitPartition => Client.IpAddress;

    public override string ToString() => "VerifyMfaCommand { MfaToken = ***, Code = ***, RecoveryCode = *** }";
}
