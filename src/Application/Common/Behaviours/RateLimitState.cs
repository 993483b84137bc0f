using FullAuth.Application.Common.Interfaces;

namespace FullAuth.Application.Common.Behaviours;

/// <summary>Scoped: the last rate-limit decision of this request, for the Api's <c>X-RateLimit-*</c> headers.</summary>
public sealed class RateLimitState
{
    public RateLimitDecision? Decision { get; set; }
}
