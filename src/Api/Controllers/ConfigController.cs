using FullAuth.Application.Configuration.GetPublicConfig;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace FullAuth.Api.Controllers;

[Route("api/v1/config")]
public sealed class ConfigController(IMediator mediator) : ApiControllerBase
{
    /// <summary><c>{registration_enabled, magic_links, passkeys, providers, mfa, password: {min_length, max_length}, token_delivery}</c>.</summary>
    [HttpGet]
    public async Task<IActionResult> Get(CancellationToken cancellationToken) =>
        From(await mediator.Send(new GetPublicConfigQuery(), cancellationToken), Ok);
}
