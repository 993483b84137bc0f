namespace FullAuth.Application.Common.Interfaces;

/// <summary>
/// Marks a message as rate limited: the rate-limiting behaviour counts it in
/// <see cref="RateLimitBucket"/> under <see cref="RateLimitPartition"/> (the client IP, or a user id).
/// </summary>
public interface IRateLimited
{
    string RateLimitBucket { get; }

    string? RateLimitPartition { get; }
}
