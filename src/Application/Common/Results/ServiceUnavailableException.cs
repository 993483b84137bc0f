namespace FullAuth.Application.Common.Results;

/// <summary>
/// An overload or outage (hash queue full, revocation store unreachable): answered with 503 and
/// <c>Retry-After</c>. Thrown, not returned, because any layer may meet it.
/// </summary>
public sealed class ServiceUnavailableException(string code, TimeSpan retryAfter, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;

    public TimeSpan RetryAfter { get; } = retryAfter;
}
