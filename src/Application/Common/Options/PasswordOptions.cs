namespace FullAuth.Application.Common.Options;

public sealed class PasswordOptions
{
    public const string SectionName = "FullAuth:Password";

    /// <summary><c>argon2id</c> or <c>bcrypt</c>.</summary>
    public string Hasher { get; set; } = "argon2id";

    public int BcryptWorkFactor { get; set; } = 12;
    public int MinLength { get; set; } = 8;
    public int MaxLength { get; set; } = 128;

    /// <summary>Hashes running at once, each on a hashing thread of its own; 0 means one per processor.</summary>
    public int MaxConcurrentHashes { get; set; }

    /// <summary>How long a request waits for a hashing slot before 503 <c>busy</c>.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int EffectiveMaxConcurrentHashes => MaxConcurrentHashes > 0 ? MaxConcurrentHashes : Environment.ProcessorCount;
}
