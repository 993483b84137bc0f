using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using FullAuth.Api.FunctionalTests.Email;
using FullAuth.Api.FunctionalTests.Infrastructure;
using FullAuth.Application.Common.Interfaces;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static FullAuth.Api.FunctionalTests.Infrastructure.ApiClient;

namespace FullAuth.Api.FunctionalTests.Hardening;

/// <summary>
/// Rate limits and lockout under 50 concurrent attackers: exactly the configured number of attempts
/// get through, spoofed <c>X-Forwarded-For</c> buys nothing, and lockout never blocks a password reset.
/// </summary>
public sealed class BruteForceTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    private const int Attackers = 50;
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Login_FiftyConcurrentAttackersFromOnePeer_ExactlyTheLimitGetThrough()
    {
        var email = NewEmail();
        await _client.RegisterAsync(email);
        var peer = NewPeer();

        var responses = await Task.WhenAll(Enumerable.Range(0, Attackers).Select(i => LoginAsync(_client, email, $"guess number {i}", peer)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized).Should().Be(5, "RateLimits:Login is 5 per window");
        responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests).Should().Be(Attackers - 5);
        foreach (var limited in responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).Take(3))
        {
            await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
            limited.Headers.RetryAfter.Should().NotBeNull();
        }
    }

    [Fact]
    public async Task Login_FiftyConcurrentAttackersSpoofingForwardedFor_AreKeyedOnThePeer()
    {
        var peer = NewPeer();

        var responses = await Task.WhenAll(Enumerable.Range(0, Attackers).Select(_ =>
            LoginAsync(_client, NewEmail(), "whatever password", peer, forwardedFor: $"{NewPeer()}, {NewPeer()}")));

        responses.Count(r => r.StatusCode != HttpStatusCode.TooManyRequests).Should().Be(5, "an untrusted peer's X-Forwarded-For is ignored");
    }

    [Fact]
    public async Task Login_FiftyConcurrentAttackersBehindATrustedProxy_SpoofedLeftHopsDoNotHelp()
    {
        await using var custom = FullAuthFactory.With(("FullAuth:TrustedProxies:0", "10.250.0.0/16"));
        var client = custom.CreateClient();
        var attacker = NewPeer();

        // The attacker prepends random hops; the proxy appends the address it saw: the right-most
        // untrusted hop is the attacker whatever was prepended.
        var responses = await Task.WhenAll(Enumerable.Range(0, Attackers).Select(_ =>
            LoginAsync(client, NewEmail(), "whatever password", "10.250.0.1", forwardedFor: $"{NewPeer()}, {NewPeer()}, {attacker}")));

        responses.Count(r => r.StatusCode != HttpStatusCode.TooManyRequests).Should().Be(5);
    }

    [Fact]
    public async Task Register_FiftyConcurrentFromOnePeer_ExactlyTheLimitCreateAccounts()
    {
        var peer = NewPeer();
        var emails = Enumerable.Range(0, Attackers).Select(_ => NewEmail("flood")).ToArray();

        var responses = await Task.WhenAll(emails.Select(email =>
            _client.SendJsonAsync(HttpMethod.Post, $"{Base}/register", new { email, password = StrongPassword }, peer: peer)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Accepted).Should().Be(3, "RateLimits:Register is 3");
        responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests).Should().Be(Attackers - 3);
        var created = 0;
        foreach (var email in emails)
        {
            created += (await _client.LoginAsync(email)).StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        created.Should().Be(3, "refused registrations create nothing");
    }

    [Fact]
    public async Task Login_FiftyConcurrentWrongPasswordsFromManyPeers_AtMostMaxAttemptsReachTheHash()
    {
        var counter = new VerificationCounter();
        await using var custom = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services => counter.Install(services)));
        var client = custom.CreateClient();
        var email = NewEmail();
        await client.RegisterAsync(email);
        counter.Reset();

        // Each attacker from its own address: the rate limiter does not help, only the lockout does.
        var responses = await Task.WhenAll(Enumerable.Range(0, Attackers).Select(i => LoginAsync(client, email, $"guess number {i}", NewPeer())));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Unauthorized);
        counter.AgainstAStoredHash.Should().BeLessThanOrEqualTo(5, "Lockout:MaxFailedAttempts is 5: no more guesses than that may be checked against the real hash");
        counter.Total.Should().Be(Attackers, "every refused attempt still costs one hash");
        (await client.LoginAsync(email, peer: NewPeer())).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the account is locked");
    }

    [Fact]
    public async Task Login_ConcurrentGuessesIncludingTheRightOne_NeverMoreThanMaxAttemptsChecked()
    {
        var counter = new VerificationCounter();
        await using var custom = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services => counter.Install(services)));
        var client = custom.CreateClient();
        var email = NewEmail();
        await client.RegisterAsync(email);
        counter.Reset();

        var guesses = Enumerable.Range(0, Attackers - 1).Select(i => $"guess number {i}").Append(StrongPassword).ToArray();
        var responses = await Task.WhenAll(guesses.Select(g => LoginAsync(client, email, g, NewPeer())));

        counter.AgainstAStoredHash.Should().BeLessThanOrEqualTo(5);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().BeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task PasswordReset_ForALockedAccount_WorksAndClearsTheLockout()
    {
        using var smtp = await SmtpSink.StartAsync();
        await using var custom = FullAuthFactory.With(
            ("FullAuth:Email:Transport", "smtp"),
            ("FullAuth:Email:Smtp:Host", "127.0.0.1"),
            ("FullAuth:Email:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture)),
            ("FullAuth:Email:Smtp:Security", "None"));
        var client = custom.CreateClient();
        var email = NewEmail();
        await client.RegisterAsync(email);
        for (var i = 0; i < 6; i++)
        {
            await client.LoginAsync(email, $"wrong password {i}");
        }

        (await client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "locked");

        var request = await client.PostJsonAsync($"{Base}/password-reset/request", new { email });
        request.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var token = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(email, "reset"), "/reset-password");
        var confirm = await client.PostJsonAsync($"{Base}/password-reset/confirm", new { token, new_password = "a brand new passphrase" });

        confirm.StatusCode.Should().Be(HttpStatusCode.NoContent, "lockout never blocks a password reset");
        (await client.LoginAsync(email, "a brand new passphrase")).StatusCode.Should().Be(HttpStatusCode.OK, "the reset cleared the lockout");
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password, string peer, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/login") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add("X-Test-Peer", peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static string NewPeer() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    /// <summary>Wraps the real hasher and counts verifications, telling apart those against a stored hash.</summary>
    private sealed class VerificationCounter
    {
        private int _total;
        private int _againstStoredHash;

        public int Total => Volatile.Read(ref _total);

        public int AgainstAStoredHash => Volatile.Read(ref _againstStoredHash);

        public void Reset()
        {
            Interlocked.Exchange(ref _total, 0);
            Interlocked.Exchange(ref _againstStoredHash, 0);
        }

        public void Install(IServiceCollection services)
        {
            // 50 hashes at once on two shared cores may queue longer than the default wait: 503 busy is not what is tested here.
            services.PostConfigure<FullAuth.Application.Common.Options.PasswordOptions>(o => o.QueueTimeout = TimeSpan.FromMinutes(2));
            var original = services.Last(d => d.ServiceType == typeof(IPasswordHasher));
            services.Remove(original);
            services.AddSingleton<IPasswordHasher>(sp => new Counting(
                (IPasswordHasher)(original.ImplementationInstance ?? original.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)),
                this));
        }

        private sealed class Counting(IPasswordHasher inner, VerificationCounter counter) : IPasswordHasher
        {
            public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) => inner.HashAsync(password, cancellationToken);

            public ValueTask<PasswordVerification> VerifyAsync(string password, string? hash, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref counter._total);
                if (hash is not null)
                {
                    Interlocked.Increment(ref counter._againstStoredHash);
                }

                return inner.VerifyAsync(password, hash, cancellationToken);
            }
        }
    }
}
