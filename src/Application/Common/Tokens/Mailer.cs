using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Security;
using FullAuth.Domain.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Common.Tokens;

public sealed class Mailer(
    IEmailOutbox outbox,
    IEmailComposer composer,
    IRateLimiter limiter,
    IOptions<EmailOptions> options,
    ILoggerFactory loggerFactory) : IMailer
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Email");

    public bool Enabled => outbox.Enabled;

    public async Task<bool> SendAsync(EmailTemplate template, string to, EmailModel model, CancellationToken cancellationToken)
    {
        if (!outbox.Enabled)
        {
            return false;
        }

        var address = EmailAddress.Normalize(to);
        var limit = options.Value.PerAddressHourlyLimit;
        var decision = await limiter.AcquireAsync("email-address:" + address, limit, TimeSpan.FromHours(1), cancellationToken);
        if (!decision.Allowed)
        {
            FullAuthTelemetry.Mails.Add(1, FullAuthTelemetry.Tag("outcome", "throttled"));
            _logger.LogWarning(LogEvents.MailThrottled, "Mail {Template} to {Email} not sent: {Limit} per hour reached", template, OpaqueToken.MaskEmail(address), limit);
            return false;
        }

        outbox.Enqueue(composer.Compose(template, address, model));
        FullAuthTelemetry.Mails.Add(1, FullAuthTelemetry.Tag("outcome", "queued"));
        _logger.LogInformation(LogEvents.MailQueued, "Mail {Template} to {Email} queued", template, OpaqueToken.MaskEmail(address));
        return true;
    }
}
