using FullAuth.Application.Common.Observability;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.Common.Events;

/// <summary>
/// Runs every handler of a domain event in turn; a handler that throws is logged under
/// <c>FullAuth.Hooks</c> and neither stops the others nor fails the request.
/// </summary>
public sealed class SafeNotificationPublisher(ILoggerFactory loggerFactory) : INotificationPublisher
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Hooks");

    public async ValueTask Publish<TNotification>(NotificationHandlers<TNotification> handlers, TNotification notification, CancellationToken cancellationToken)
        where TNotification : INotification
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handler.Handle(notification, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _logger.LogError(LogEvents.HookFailed, ex, "Event handler {Handler} failed for {Event}", handler.GetType().Name, typeof(TNotification).Name);
            }
        }
    }
}
