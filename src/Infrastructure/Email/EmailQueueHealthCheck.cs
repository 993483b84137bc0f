using FullAuth.Application.Common.Interfaces;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FullAuth.Infrastructure.Email;

/// <summary>Reports the mail queue depth; degraded when mails pile up (the server is down or slow).</summary>
internal sealed class EmailQueueHealthCheck(IEmailOutbox outbox) : IHealthCheck
{
    public const int DegradedAbove = 100;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["pending"] = outbox.Pending, ["enabled"] = outbox.Enabled };
        return Task.FromResult(outbox.Pending > DegradedAbove
            ? HealthCheckResult.Degraded($"{outbox.Pending} mails pending", data: data)
            : HealthCheckResult.Healthy($"{outbox.Pending} mails pending", data));
    }
}
