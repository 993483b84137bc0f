using System.Diagnostics.Metrics;
using System.Threading.Channels;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.Email;

/// <summary>
/// In-process mail queue and its background dispatcher. A failed attempt is retried after 1, 2, 4 …
/// up to 60 seconds, up to <c>Email:MaxAttempts</c> times, without holding up other mails; the
/// request that queued it never waits. Mails still queued when the process stops are lost (logged).
/// </summary>
internal sealed class EmailOutbox : BackgroundService, IEmailOutbox
{
    private readonly Channel<(EmailMessage Message, int Attempt)> _queue = Channel.CreateUnbounded<(EmailMessage, int)>();
    private readonly IEmailSender? _sender;
    private readonly EmailOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _pending;

    public EmailOutbox(IEnumerable<IEmailSender> senders, IOptions<EmailOptions> options, TimeProvider time, ILoggerFactory loggerFactory, IMeterFactory meterFactory)
    {
        meterFactory.Create(FullAuthTelemetry.Name).CreateObservableGauge(
            "fullauth.mail.queue_depth", () => Pending, unit: "{mail}", description: "Mails queued or waiting for a retry");
        var sender = senders.LastOrDefault();
        _sender = sender is NoEmailSender ? null : sender;
        _options = options.Value;
        _time = time;
        _logger = loggerFactory.CreateLogger("FullAuth.Email");
    }

    public bool Enabled => _sender is not null;

    public int Pending => Volatile.Read(ref _pending);

    public void Enqueue(EmailMessage message)
    {
        if (_sender is null)
        {
            return;
        }

        Interlocked.Increment(ref _pending);
        _queue.Writer.TryWrite((message, 1));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_sender is null)
        {
            return;
        }

        try
        {
            await foreach (var (message, attempt) in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(_sender, message, attempt, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            if (Pending > 0)
            {
                _logger.LogWarning(LogEvents.MailFailed, "Stopping with {Pending} mails undelivered", Pending);
            }
        }
    }

    private async Task DeliverAsync(IEmailSender sender, EmailMessage message, int attempt, CancellationToken stoppingToken)
    {
        try
        {
            await sender.SendAsync(message, stoppingToken);
            Interlocked.Decrement(ref _pending);
            FullAuthTelemetry.Mails.Add(1, FullAuthTelemetry.Tag("outcome", "delivered"));
            _logger.LogInformation(LogEvents.MailDelivered, "Mail \"{Subject}\" delivered on attempt {Attempt}", message.Subject, attempt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            if (attempt >= _options.MaxAttempts)
            {
                Interlocked.Decrement(ref _pending);
                FullAuthTelemetry.Mails.Add(1, FullAuthTelemetry.Tag("outcome", "failed"));
                _logger.LogError(LogEvents.MailFailed, "Mail \"{Subject}\" given up after {Attempts} attempts: {Error}", message.Subject, attempt, ex.Message);
                return;
            }

            var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt - 1)));
            FullAuthTelemetry.Mails.Add(1, FullAuthTelemetry.Tag("outcome", "retried"));
            _logger.LogWarning(LogEvents.MailRetry, "Mail \"{Subject}\" attempt {Attempt} failed ({Error}); retrying in {Delay}", message.Subject, attempt, ex.Message, delay);
            _ = RetryLaterAsync(message, attempt + 1, delay, stoppingToken);
        }
    }

    private async Task RetryLaterAsync(EmailMessage message, int attempt, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, _time, stoppingToken);
            _queue.Writer.TryWrite((message, attempt));
        }
        catch (OperationCanceledException)
        {
            // Shutting down: counted as undelivered.
        }
    }
}
