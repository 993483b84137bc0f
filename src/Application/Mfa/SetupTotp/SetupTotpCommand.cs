using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Mfa.Common;
using Mediator;

namespace FullAuth.Application.Mfa.SetupTotp;

/// <summary>Starts TOTP enrollment (needs recent authentication); repeating it replaces the pending secret.</summary>
public sealed record SetupTotpCommand(Caller Caller) : ICommand<Result<TotpSetupResponse>>;
