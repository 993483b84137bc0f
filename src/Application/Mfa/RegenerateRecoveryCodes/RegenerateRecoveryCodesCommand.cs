using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Mfa.Common;
using Mediator;

namespace FullAuth.Application.Mfa.RegenerateRecoveryCodes;

/// <summary>New recovery codes for a current TOTP code; the old ones stop working.</summary>
public sealed record RegenerateRecoveryCodesCommand(Caller Caller, string? Code, ClientInfo Client) : ICommand<Result<RecoveryCodesResponse>>
{
    public override string ToString() => $"RegenerateRecoveryCodesCommand {{ UserId = {Caller.UserId}, Code = *** }}";
}
