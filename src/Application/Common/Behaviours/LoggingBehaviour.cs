using System.Diagnostics;
using FullAuth.Application.Common.Results;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.Common.Behaviours;

/// <summary>
/// Outermost behaviour: logs each use case's name, outcome code and duration. It never logs the
/// message itself, so passwords and tokens cannot reach the log through it.
/// </summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ILoggerFactory loggerFactory) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Requests");

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response is IResultBase { Error: { } error })
        {
            _logger.LogInformation("{UseCase} failed with {ErrorCode} in {ElapsedMs:0.0} ms", typeof(TMessage).Name, error.Code, elapsed);
        }
        else
        {
            _logger.LogDebug("{UseCase} succeeded in {ElapsedMs:0.0} ms", typeof(TMessage).Name, elapsed);
        }

        return response;
    }
}
