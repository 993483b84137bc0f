using FullAuth.Application.Common.Interfaces;

namespace FullAuth.Infrastructure.Stores;

/// <summary>Process-local blacklist: fine for one instance; several instances need the Redis store.</summary>
internal sealed class InMemoryTokenBlacklist(TimeProvider time) : ITokenBlacklist
{
    private static readonly object Revoked = new();
    private readonly ExpiringMap<object> _entries = new(time);

    public ValueTask RevokeTokenAsync(string jti, TimeSpan ttl, CancellationToken cancellationToken)
    {
        _entries.Set("jti:" + jti, Revoked, ttl);
        return ValueTask.CompletedTask;
    }

    public ValueTask RevokeSessionAsync(string sessionId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        _entries.Set("sid:" + sessionId, Revoked, ttl);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> IsRevokedAsync(string jti, string sessionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_entries.Get("sid:" + sessionId) is not null || _entries.Get("jti:" + jti) is not null);
}
