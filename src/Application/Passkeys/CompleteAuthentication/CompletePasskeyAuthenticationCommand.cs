using System.Text.Json;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Passkeys.CompleteAuthentication;

/// <summary><c>POST /passkeys/authenticate/complete</c>: <paramref name="Credential"/> is what <c>credential.toJSON()</c> returned.</summary>
public sealed record CompletePasskeyAuthenticationCommand(JsonElement Credential, ClientInfo Client)
    : ICommand<Result<SignInResult>>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Passkey;

    public string? RateLimitPartition => Client.IpAddress;

    public override string ToString() => "CompletePasskeyAuthenticationCommand { Credential = *** }";
}
