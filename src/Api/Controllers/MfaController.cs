using FullAuth.Api.Contracts;
using FullAuth.Api.Http.Cookies;
using FullAuth.Application.Mfa.DisableTotp;
using FullAuth.Application.Mfa.EnableTotp;
using FullAuth.Application.Mfa.RegenerateRecoveryCodes;
using FullAuth.Application.Mfa.SetupTotp;
using FullAuth.Application.Mfa.VerifyMfa;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FullAuth.Api.Controllers;

/// <summary>Two-factor authentication: TOTP enrollment, recovery codes and the second sign-in step.</summary>
[Route("api/v1/auth/mfa")]
public sealed class MfaController(IMediator mediator) : ApiControllerBase
{
    [HttpPost("totp/setup")]
    [Authorize]
    public async Task<IActionResult> Setup(CancellationToken cancellationToken) =>
        From(await mediator.Send(new SetupTotpCommand(Caller), cancellationToken), r =>
        {
            NoStore();
            return Ok(r);
        });

    [HttpPost("totp/enable")]
    [Authorize]
    [Consumes("application/json")]
    public async Task<IActionResult> Enable([FromBody] MfaCodeRequest request, CancellationToken cancellationToken) =>
        From(await mediator.Send(new EnableTotpCommand(Caller, request.Code, Client), cancellationToken), r =>
        {
            NoStore();
            return Ok(r);
        });

    [HttpPost("totp/disable")]
    [Authorize]
    [Consumes("application/json")]
    public async Task<IActionResult> Disable([FromBody] DisableTotpRequest request, CancellationToken cancellationToken) =>
        From(await mediator.Send(new DisableTotpCommand(Caller, request.Code, request.CurrentPassword, Client), cancellationToken));

    [HttpPost("recovery-codes")]
    [Authorize]
    [Consumes("application/json")]
    public async Task<IActionResult> RegenerateRecoveryCodes([FromBody] MfaCodeRequest request, CancellationToken cancellationToken) =>
        From(await mediator.Send(new RegenerateRecoveryCodesCommand(Caller, request.Code, Client), cancellationToken), r =>
        {
            NoStore();
            return Ok(r);
        });

    /// <summary>Completes a sign-in: starts a session, so in cookie delivery it sets the cookies (and needs an allowed Origin).</summary>
    [HttpPost("verify")]
    [RequireAllowedOrigin]
    [Consumes("application/json")]
    public async Task<IActionResult> Verify([FromBody] VerifyMfaRequest request, CancellationToken cancellationToken) =>
        From(
            await mediator.Send(new VerifyMfaCommand(request.MfaToken, request.Code, request.RecoveryCode, Client), cancellationToken),
            r => Ok(Delivery.SignedIn(HttpContext, r)));
}
