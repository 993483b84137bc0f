using System.Text.Json;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Passkeys.Common;
using Mediator;

namespace FullAuth.Application.Passkeys.CompleteRegistration;

/// <summary><c>POST /passkeys/register/complete</c>: <paramref name="Credential"/> is what <c>credential.toJSON()</c> returned.</summary>
public sealed record CompletePasskeyRegistrationCommand(Caller Caller, JsonElement Credential, string? Name, ClientInfo Client)
    : ICommand<Result<PasskeyResponse>>
{
    public override string ToString() => $"CompletePasskeyRegistrationCommand {{ UserId = {Caller.UserId}, Name = {Name} }}";
}
