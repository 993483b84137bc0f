using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Common.Behaviours;

/// <summary>Counts <see cref="IRateLimited"/> messages per bucket and partition; over the limit answers 429 <c>rate_limited</c>.</summary>
public sealed class RateLimitingBehaviour<TMessage, TResponse>(
    IRateLimiter limiter,
    IOptions<RateLimitOptions> options,
    RateLimitState state,
    ILoggerFactory loggerFactory) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IRateLimited, IMessage
    where TResponse : IResultFactory<TResponse>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.RateLimit");

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return await next(message, cancellationToken);
        }

        var bucket = message.RateLimitBucket;
        var key = $"{bucket}:{message.RateLimitPartition ?? "unknown"}";
        var decision = await limiter.AcquireAsync(key, settings.LimitFor(bucket), settings.Window, cancellationToken);
        state.Decision = decision;
        if (!decision.Allowed)
        {
            _logger.LogWarning(LogEvents.RateLimited, "Rate limit hit in bucket {Bucket}", bucket);
            FullAuthTelemetry.RateLimitRejections.Add(1, FullAuthTelemetry.Tag("bucket", bucket));
            return TResponse.Failure(Error.RateLimited(decision.ResetAfter));
        }

        return await next(message, cancellationToken);
    }
}
