using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Passkeys.Common;
using Mediator;

namespace FullAuth.Application.Passkeys.BeginRegistration;

/// <summary><c>POST /passkeys/register/begin</c> (recent authentication): creation options for the caller.</summary>
public sealed record BeginPasskeyRegistrationCommand(Caller Caller) : ICommand<Result<CreationOptionsJson>>;
