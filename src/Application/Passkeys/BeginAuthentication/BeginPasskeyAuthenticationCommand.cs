using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Passkeys.Common;
using Mediator;

namespace FullAuth.Application.Passkeys.BeginAuthentication;

/// <summary><c>POST /passkeys/authenticate/begin</c>: request options; without an email, a discoverable (username-less) sign-in.</summary>
public sealed record BeginPasskeyAuthenticationCommand(string? Email, bool RememberMe, ClientInfo Client)
    : ICommand<Result<RequestOptionsJson>>, IRateLimited
{
    public string RateLimitBucket => RateLimitBuckets.Passkey;

    public string? RateLimitPartition => Client.IpAddress;
}
