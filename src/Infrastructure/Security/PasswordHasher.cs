using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Observability;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.Security;

/// <summary>
/// Hashes with the configured algorithm and verifies hashes of either. Hashing runs on dedicated
/// threads of its own (<c>Password:MaxConcurrentHashes</c> of them), never on the thread pool: a
/// login flood then cannot starve the pool that serves every other request (measured: <c>me</c>'s p99
/// under a login flood, see bench/README.md). Twice as many hashes are admitted as run; a request
/// that cannot be admitted within
/// <c>Password:QueueTimeout</c> gets 503 <c>busy</c>.
/// </summary>
internal sealed class PasswordHasher : IPasswordHasher, IDisposable
{
    private readonly IPasswordHashAlgorithm _primary;
    private readonly IPasswordHashAlgorithm[] _algorithms;
    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _queueTimeout;
    private readonly Lazy<string> _dummyHash;
    private readonly System.Collections.Concurrent.BlockingCollection<Action> _work = new();

    public PasswordHasher(IOptions<PasswordOptions> options)
        : this(options.Value, primary: null)
    {
    }

    /// <summary>Tests pass their own <paramref name="primary"/> algorithm to observe where and how often hashing runs.</summary>
    internal PasswordHasher(PasswordOptions settings, IPasswordHashAlgorithm? primary)
    {
        var argon = new Argon2idAlgorithm();
        var bcrypt = new BcryptAlgorithm(settings.BcryptWorkFactor);
        _primary = primary ?? (string.Equals(settings.Hasher, "bcrypt", StringComparison.OrdinalIgnoreCase) ? bcrypt : argon);
        _algorithms = primary is null ? [argon, bcrypt] : [primary, argon, bcrypt];
        // Twice as many admitted as running: as a hashing thread finishes, the next hash is already
        // queued for it (no idle gap while a request travels through the pipeline), while memory stays
        // at one Argon2id block per thread.
        _slots = new SemaphoreSlim(2 * settings.EffectiveMaxConcurrentHashes);
        _queueTimeout = settings.QueueTimeout;
        _dummyHash = new Lazy<string>(() => _primary.Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));
        for (var i = 0; i < settings.EffectiveMaxConcurrentHashes; i++)
        {
            new Thread(Work) { IsBackground = true, Name = $"fullauth-hash-{i}" }.Start();
        }
    }

    public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) =>
        RunAsync(() => _primary.Hash(password), cancellationToken);

    public ValueTask<PasswordVerification> VerifyAsync(string password, string? hash, CancellationToken cancellationToken) =>
        RunAsync(() => Verify(password, hash), cancellationToken);

    public void Dispose()
    {
        _work.CompleteAdding();
        _slots.Dispose();
    }

    private static void Complete<T>(TaskCompletionSource<T> done, Func<T> work)
    {
        try
        {
            done.SetResult(work());
        }
        catch (Exception ex)
        {
            done.SetException(ex);
        }
    }

    private void Work()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }

    private PasswordVerification Verify(string password, string? hash)
    {
        var algorithm = hash is null ? null : Array.Find(_algorithms, a => a.Recognizes(hash));
        if (algorithm is null)
        {
            // Unknown account or unreadable hash: spend the same work, then fail.
            _primary.Verify(password, _dummyHash.Value);
            return PasswordVerification.Failed;
        }

        var (valid, outdated) = algorithm.Verify(password, hash!);
        if (!valid)
        {
            return PasswordVerification.Failed;
        }

        return outdated || algorithm != _primary ? PasswordVerification.SuccessRehashNeeded : PasswordVerification.Success;
    }

    private async ValueTask<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var waitStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var acquired = await _slots.WaitAsync(_queueTimeout, cancellationToken);
        FullAuthTelemetry.HashQueueWait.Record(
            System.Diagnostics.Stopwatch.GetElapsedTime(waitStarted).TotalMilliseconds,
            FullAuthTelemetry.Tag("outcome", acquired ? "acquired" : "busy"));
        if (!acquired)
        {
            throw new ServiceUnavailableException(ErrorCodes.Busy, TimeSpan.FromSeconds(1), "No password-hashing slot became free in time.");
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _work.Add(() => Complete(done, work), CancellationToken.None);
            return await done.Task;
        }
        finally
        {
            _slots.Release();
        }
    }
}
