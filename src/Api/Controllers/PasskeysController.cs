using FullAuth.Api.Contracts;
using FullAuth.Api.Http.Cookies;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Passkeys.BeginAuthentication;
using FullAuth.Application.Passkeys.BeginRegistration;
using FullAuth.Application.Passkeys.Common;
using FullAuth.Application.Passkeys.CompleteAuthentication;
using FullAuth.Application.Passkeys.CompleteRegistration;
using FullAuth.Application.Passkeys.DeletePasskey;
using FullAuth.Application.Passkeys.ListPasskeys;
using FullAuth.Application.Passkeys.RenamePasskey;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FullAuth.Api.Controllers;

/// <summary>
/// Passkeys (WebAuthn): registration and sign-in ceremonies, list, rename, delete. Every route is 404
/// unless <c>Passkeys:RpId</c> is set. Ceremony bodies are capped at 64 KiB.
/// </summary>
[Route("api/v1/auth/passkeys")]
public sealed class PasskeysController(IMediator mediator, IOptions<PasskeyOptions> options) : ApiControllerBase
{
    private const int MaxCeremonyBody = 64 * 1024;

    [HttpPost("register/begin")]
    [Authorize]
    public async Task<IActionResult> RegisterBegin(CancellationToken cancellationToken) =>
        Off() ?? From(await mediator.Send(new BeginPasskeyRegistrationCommand(Caller), cancellationToken), Options);

    [HttpPost("register/complete")]
    [Authorize]
    [Consumes("application/json")]
    [RequestSizeLimit(MaxCeremonyBody)]
    public async Task<IActionResult> RegisterComplete([FromBody] PasskeyRegistrationRequest request, CancellationToken cancellationToken) =>
        Off() ?? From(
            await mediator.Send(new CompletePasskeyRegistrationCommand(Caller, request.Credential, request.Name, Client), cancellationToken),
            passkey => StatusCode(StatusCodes.Status201Created, passkey));

    [HttpPost("authenticate/begin")]
    public async Task<IActionResult> AuthenticateBegin([FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] PasskeyAuthenticationBeginRequest? request, CancellationToken cancellationToken) =>
        Off() ?? From(await mediator.Send(new BeginPasskeyAuthenticationCommand(request?.Email, request?.RememberMe ?? false, Client), cancellationToken), Options);

    /// <summary>Starts a session, so in cookie delivery it sets the cookies (and needs an allowed Origin).</summary>
    [HttpPost("authenticate/complete")]
    [RequireAllowedOrigin]
    [Consumes("application/json")]
    [RequestSizeLimit(MaxCeremonyBody)]
    public async Task<IActionResult> AuthenticateComplete([FromBody] PasskeyAuthenticationRequest request, CancellationToken cancellationToken) =>
        Off() ?? From(
            await mediator.Send(new CompletePasskeyAuthenticationCommand(request.Credential, Client), cancellationToken),
            signedIn => Ok(Delivery.SignedIn(HttpContext, signedIn)));

    [HttpGet("")]
    [Authorize]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        Off() ?? From(await mediator.Send(new ListPasskeysQuery(Caller), cancellationToken), Ok);

    [HttpPatch("{id}")]
    [Authorize]
    [Consumes("application/json")]
    public async Task<IActionResult> Rename(string id, [FromBody] PasskeyRenameRequest request, CancellationToken cancellationToken) =>
        Off() ?? From(await mediator.Send(new RenamePasskeyCommand(Caller, id, request.Name), cancellationToken), Ok);

    [HttpDelete("{id}")]
    [Authorize]
    public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken) =>
        Off() ?? From(await mediator.Send(new DeletePasskeyCommand(Caller, id), cancellationToken));

    private IActionResult? Off() => options.Value.Enabled ? null : Problem(Error.NotFound);

    /// <summary>Options carry a fresh challenge: never cached.</summary>
    private OkObjectResult Options<T>(T options)
    {
        NoStore();
        return Ok(options);
    }
}
