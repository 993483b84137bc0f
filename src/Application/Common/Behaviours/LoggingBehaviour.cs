using System.Diagnostics;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Results;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.Common.Behaviours;

/// <summary>
/// Outermost behaviour: logs each use case's name, outcome code and duration, records it as an
/// activity (trace span) and in <c>fullauth.use_case.duration</c>. It never logs the message itself,
/// so passwords and tokens cannot reach the log through it.
/// </summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ILoggerFactory loggerFactory) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Requests");

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var useCase = typeof(TMessage).Name;
        using var activity = FullAuthTelemetry.ActivitySource.StartActivity(useCase);
        activity?.SetTag("fullauth.use_case", useCase);
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response is IResultBase { Error: { } error })
        {
            _logger.LogInformation("{UseCase} failed with {ErrorCode} in {ElapsedMs:0.0} ms", useCase, error.Code, elapsed);
            activity?.SetTag("fullauth.outcome", error.Code);
            activity?.SetStatus(ActivityStatusCode.Error, error.Code);
            FullAuthTelemetry.UseCaseDuration.Record(elapsed, FullAuthTelemetry.Tag("use_case", useCase), FullAuthTelemetry.Tag("outcome", error.Code));
        }
        else
        {
            _logger.LogDebug("{UseCase} succeeded in {ElapsedMs:0.0} ms", useCase, elapsed);
            activity?.SetTag("fullauth.outcome", "success");
            FullAuthTelemetry.UseCaseDuration.Record(elapsed, FullAuthTelemetry.Tag("use_case", useCase), FullAuthTelemetry.Tag("outcome", "success"));
        }

        return response;
    }
}
