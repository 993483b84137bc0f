using FullAuth.Application.Keys.GetJwks;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace FullAuth.Api.Controllers;

[Route(".well-known")]
public sealed class WellKnownController(IMediator mediator) : ApiControllerBase
{
    /// <summary>Public signing keys (RFC 7517); 404 when only HMAC is used.</summary>
    [HttpGet("jwks.json")]
    public async Task<IActionResult> Jwks(CancellationToken cancellationToken) =>
        From(await mediator.Send(new GetJwksQuery(), cancellationToken), jwks =>
        {
            Response.Headers.CacheControl = "public, max-age=300";
            var keys = jwks.Keys.Select(k => new Dictionary<string, string?>
            {
                ["kty"] = k.Kty, ["kid"] = k.Kid, ["use"] = k.Use, ["alg"] = k.Alg,
                ["n"] = k.N, ["e"] = k.E, ["crv"] = k.Crv, ["x"] = k.X, ["y"] = k.Y,
            }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));
            return Ok(new { keys });
        });
}
