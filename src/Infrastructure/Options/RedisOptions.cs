namespace FullAuth.Infrastructure.Options;

/// <summary>Settings of the Redis stores (section <c>FullAuth:Redis</c>); the connection itself is <c>FullAuth:RedisUrl</c>.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "FullAuth:Redis";

    /// <summary>Prepended to every key, so several deployments can share one Redis (<c>fullauth:</c>).</summary>
    public string KeyPrefix { get; set; } = "fullauth:";
}
