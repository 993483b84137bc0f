using FullAuth.Application.Sessions.ListSessions;
using FullAuth.Application.Sessions.RevokeOtherSessions;
using FullAuth.Application.Sessions.RevokeSession;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FullAuth.Api.Controllers;

[Route("api/v1/auth/sessions")]
[Authorize]
public sealed class SessionsController(IMediator mediator) : ApiControllerBase
{
    [HttpGet]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        From(await mediator.Send(new ListSessionsQuery(Caller), cancellationToken), Ok);

    [HttpDelete("{id}")]
    public async Task<IActionResult> Revoke(string id, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new RevokeSessionCommand(Caller, id), cancellationToken);
        if (result.IsSuccess && id == Caller.SessionId)
        {
            Delivery.SignedOut(HttpContext);
        }

        return From(result);
    }

    [HttpPost("revoke-others")]
    public async Task<IActionResult> RevokeOthers(CancellationToken cancellationToken) =>
        From(await mediator.Send(new RevokeOtherSessionsCommand(Caller), cancellationToken), Ok);
}
