using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Mfa.Common;
using Mediator;

namespace FullAuth.Application.Mfa.EnableTotp;

/// <summary>Turns TOTP on with a code of the pending secret; answers the 10 recovery codes, once.</summary>
public sealed record EnableTotpCommand(Caller Caller, string? Code, ClientInfo Client) : ICommand<Result<RecoveryCodesResponse>>
{
    public override string ToString() => $"EnableTotpCommand {{ UserId = {Caller.UserId}, Code = *** }}";
}
