namespace FullAuth.Application.Common.Interfaces;

public enum PasswordVerification
{
    Failed,
    Success,

    /// <summary>Correct, but made with another algorithm or older parameters: store a new hash.</summary>
    SuccessRehashNeeded,
}

/// <summary>
/// Password hashing with bounded concurrency. When no hashing slot frees up in time it throws
/// <see cref="Results.ServiceUnavailableException"/> with code <c>busy</c>.
/// </summary>
public interface IPasswordHasher
{
    ValueTask<string> HashAsync(string password, CancellationToken cancellationToken);

    /// <summary>
    /// Verifies <paramref name="password"/> against <paramref name="hash"/>. With a null hash it does the
    /// same work against a dummy hash and fails, so unknown accounts cost what known ones do.
    /// </summary>
    ValueTask<PasswordVerification> VerifyAsync(string password, string? hash, CancellationToken cancellationToken);
}
