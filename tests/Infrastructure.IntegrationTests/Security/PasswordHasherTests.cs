using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Infrastructure.Security;

namespace FullAuth.Infrastructure.IntegrationTests.Security;

public sealed class PasswordHasherTests
{
    private const string Password = "correct horse battery staple";

    private static PasswordHasher Hasher(string hasher = "argon2id", int maxConcurrent = 0, TimeSpan? queueTimeout = null) =>
        new(Microsoft.Extensions.Options.Options.Create(new PasswordOptions
        {
            Hasher = hasher,
            BcryptWorkFactor = 10,
            MaxConcurrentHashes = maxConcurrent,
            QueueTimeout = queueTimeout ?? TimeSpan.FromSeconds(30),
        }));

    [Fact]
    public void Argon2idHash_Default_IsPhcWithOwaspParameters()
    {
        var hash = new Argon2idAlgorithm().Hash(Password);

        hash.Should().MatchRegex(@"^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$");
    }

    [Fact]
    public void Argon2idHash_SamePasswordTwice_UsesFreshSalts() =>
        new Argon2idAlgorithm().Hash(Password).Should().NotBe(new Argon2idAlgorithm().Hash(Password));

    [Fact]
    public void Argon2idVerify_RightAndWrongPassword_AreTold()
    {
        var algorithm = new Argon2idAlgorithm();
        var hash = algorithm.Hash(Password);

        algorithm.Verify(Password, hash).Should().Be((true, false));
        algorithm.Verify(Password + "!", hash).Valid.Should().BeFalse();
    }

    [Fact]
    public void BcryptVerify_RightAndWrongPassword_AreTold()
    {
        var algorithm = new BcryptAlgorithm(10);
        var hash = algorithm.Hash(Password);

        hash.Should().StartWith("$2");
        algorithm.Verify(Password, hash).Should().Be((true, false));
        algorithm.Verify("wrong", hash).Valid.Should().BeFalse();
        new BcryptAlgorithm(11).Verify(Password, hash).Should().Be((true, true));
    }

    [Fact]
    public async Task VerifyAsync_ArgonDefaultWithArgonHash_Succeeds()
    {
        var hasher = Hasher();
        var hash = await hasher.HashAsync(Password, CancellationToken.None);

        hash.Should().StartWith("$argon2id$v=19$m=19456,t=2,p=1$");
        (await hasher.VerifyAsync(Password, hash, CancellationToken.None)).Should().Be(PasswordVerification.Success);
        (await hasher.VerifyAsync("not it", hash, CancellationToken.None)).Should().Be(PasswordVerification.Failed);
    }

    [Fact]
    public async Task VerifyAsync_BcryptHashUnderArgonDefault_SucceedsAndAsksForRehash()
    {
        var bcryptHash = new BcryptAlgorithm(10).Hash(Password);

        (await Hasher().VerifyAsync(Password, bcryptHash, CancellationToken.None)).Should().Be(PasswordVerification.SuccessRehashNeeded);
        (await Hasher().VerifyAsync("wrong", bcryptHash, CancellationToken.None)).Should().Be(PasswordVerification.Failed);
    }

    [Fact]
    public async Task VerifyAsync_ArgonHashUnderBcryptDefault_SucceedsAndAsksForRehash()
    {
        var argonHash = new Argon2idAlgorithm().Hash(Password);
        var hasher = Hasher("bcrypt");

        (await hasher.VerifyAsync(Password, argonHash, CancellationToken.None)).Should().Be(PasswordVerification.SuccessRehashNeeded);
        (await hasher.HashAsync(Password, CancellationToken.None)).Should().StartWith("$2");
    }

    [Fact]
    public async Task VerifyAsync_ArgonHashWithOlderParameters_AsksForRehash()
    {
        var old = new Argon2idAlgorithm(memoryKiB: 8192, passes: 1).Hash(Password);
        old.Should().StartWith("$argon2id$v=19$m=8192,t=1,p=1$");

        (await Hasher().VerifyAsync(Password, old, CancellationToken.None)).Should().Be(PasswordVerification.SuccessRehashNeeded);
        (await Hasher().VerifyAsync("wrong", old, CancellationToken.None)).Should().Be(PasswordVerification.Failed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plaintext")]
    [InlineData("$argon2id$garbage")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$!!!$!!!")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=4$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g")]
    [InlineData("$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g")]
    [InlineData("$2b$10$short")]
    [InlineData("$2b$")]
    public async Task VerifyAsync_NullOrGarbageHash_Fails(string? hash) =>
        (await Hasher().VerifyAsync(Password, hash, CancellationToken.None)).Should().Be(PasswordVerification.Failed);

    [Fact]
    public async Task HashAsync_OneSlotShortQueueUnderLoad_ThrowsBusy()
    {
        using var hasher = Hasher(maxConcurrent: 1, queueTimeout: TimeSpan.FromMilliseconds(50));

        // Each Argon2id hash takes tens of milliseconds; with one slot, ten callers cannot all get one within 50 ms.
        var attempts = Enumerable.Range(0, 10).Select(_ => Task.Run(async () => await hasher.HashAsync(Password, CancellationToken.None))).ToList();
        var outcomes = new List<Exception?>();
        foreach (var attempt in attempts)
        {
            try
            {
                await attempt;
                outcomes.Add(null);
            }
            catch (ServiceUnavailableException ex)
            {
                outcomes.Add(ex);
            }
        }

        outcomes.Should().Contain(o => o == null, "the first caller gets the slot");
        var busy = outcomes.OfType<ServiceUnavailableException>().ToList();
        busy.Should().NotBeEmpty();
        busy.Should().OnlyContain(e => e.Code == ErrorCodes.Busy && e.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public async Task HashAsync_SlotFreedAfterBusy_WorksAgain()
    {
        using var hasher = Hasher(maxConcurrent: 1, queueTimeout: TimeSpan.FromMilliseconds(50));
        var attempts = Enumerable.Range(0, 6).Select(_ => Task.Run(async () => await hasher.HashAsync(Password, CancellationToken.None))).ToList();
        try
        {
            await Task.WhenAll(attempts);
        }
        catch (ServiceUnavailableException)
        {
        }

        var hash = await hasher.HashAsync(Password, CancellationToken.None);

        (await hasher.VerifyAsync(Password, hash, CancellationToken.None)).Should().Be(PasswordVerification.Success);
    }

    [Fact]
    public async Task HashAsync_RunsOnTheHashingThreads_NeverOnThePool()
    {
        var probe = new ProbeAlgorithm();
        using var hasher = new PasswordHasher(new PasswordOptions { MaxConcurrentHashes = 2 }, probe);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => hasher.HashAsync(Password, CancellationToken.None).AsTask()));

        probe.Threads.Should().HaveCount(8);
        probe.Threads.Should().OnlyContain(t => !t.Pool && t.Name != null && t.Name.StartsWith("fullauth-hash-", StringComparison.Ordinal));
        probe.Threads.Select(t => t.Name).Distinct().Should().HaveCountLessThanOrEqualTo(2, "one thread per MaxConcurrentHashes slot");
    }

    [Fact]
    public async Task HashAsync_AdmitsTwoPerThread_RunsOnePerThread_TheNextIsBusy()
    {
        using var release = new ManualResetEventSlim();
        var probe = new ProbeAlgorithm(release);
        using var hasher = new PasswordHasher(new PasswordOptions { MaxConcurrentHashes = 1, QueueTimeout = TimeSpan.FromMilliseconds(200) }, probe);

        var first = hasher.HashAsync(Password, CancellationToken.None).AsTask();
        var second = hasher.HashAsync(Password, CancellationToken.None).AsTask();
        var third = async () => await hasher.HashAsync(Password, CancellationToken.None);

        await third.Should().ThrowAsync<ServiceUnavailableException>("one running and one queued fill the two admissions of one thread");
        probe.Running.Should().Be(1, "one hashing thread runs one hash at a time");
        release.Set();
        await Task.WhenAll(first, second);
        probe.Threads.Should().HaveCount(2);
    }

    private sealed class ProbeAlgorithm(ManualResetEventSlim? gate = null) : IPasswordHashAlgorithm
    {
        private int _running;

        public System.Collections.Concurrent.ConcurrentBag<(bool Pool, string? Name)> Threads { get; } = [];

        public int Running => Volatile.Read(ref _running);

        public string Name => "probe";

        public bool Recognizes(string hash) => hash.StartsWith("probe:", StringComparison.Ordinal);

        public string Hash(string password)
        {
            Interlocked.Increment(ref _running);
            Threads.Add((Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name));
            gate?.Wait(TimeSpan.FromSeconds(10));
            Interlocked.Decrement(ref _running);
            return "probe:" + password.Length;
        }

        public (bool Valid, bool Outdated) Verify(string password, string hash) => (hash == Hash(password), false);
    }
}
