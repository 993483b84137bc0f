using FullAuth.Api.Authorization;
using FullAuth.Api.Controllers;
using Microsoft.AspNetCore.Mvc;

namespace FullAuth.Api.FunctionalTests.Admin;

/// <summary>What a fork writes: its own endpoint protected with one attribute.</summary>
[Route("api/v1/reports")]
public sealed class ReportsTestController : ApiControllerBase
{
    [HttpGet]
    [RequirePermission("reports:read")]
    public IActionResult Get() => Ok(new { reports = new[] { "q3" } });

    [HttpGet("ops")]
    [RequireRole("ops")]
    public IActionResult Ops() => Ok(new { ok = true });
}
