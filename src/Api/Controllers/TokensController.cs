using FullAuth.Api.Contracts;
using FullAuth.Application.Tokens.IntrospectToken;
using FullAuth.Application.Tokens.RevokeToken;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FullAuth.Api.Controllers;

/// <summary>Token introspection (RFC 7662) and revocation (RFC 7009). Tokens travel in the body only.</summary>
[Route("api/v1/auth/token")]
public sealed class TokensController(IMediator mediator) : ApiControllerBase
{
    [HttpPost("introspect")]
    [Authorize]
    [Consumes("application/json")]
    public async Task<IActionResult> Introspect([FromBody] TokenRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new IntrospectTokenQuery(Caller, request.Token), cancellationToken);
        return From(result, introspection =>
        {
            NoStore();
            return Ok(IntrospectionResponse.From(introspection));
        });
    }

    [HttpPost("revoke")]
    [Consumes("application/json")]
    public async Task<IActionResult> Revoke([FromBody] TokenRequest request, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new RevokeTokenCommand(request.Token, Client), cancellationToken);
        return result.IsSuccess ? Ok(new RevocationResponse()) : Problem(result.Error!);
    }
}
