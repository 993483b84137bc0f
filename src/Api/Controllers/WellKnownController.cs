using FullAuth.Application.Keys.GetDiscovery;
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

    /// <summary>OpenID discovery for resource servers: <c>{issuer, jwks_uri, introspection_endpoint, revocation_endpoint}</c>.</summary>
    [HttpGet("openid-configuration")]
    public async Task<IActionResult> Discovery(CancellationToken cancellationToken) =>
        From(await mediator.Send(new GetDiscoveryQuery($"{Request.Scheme}://{Request.Host}{Request.PathBase}"), cancellationToken), document =>
        {
            Response.Headers.CacheControl = "public, max-age=300";
            return Ok(document);
        });
}
