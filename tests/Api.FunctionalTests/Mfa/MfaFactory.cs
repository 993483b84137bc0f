using System.Collections.Concurrent;
using FullAuth.Api.FunctionalTests.Infrastructure;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Infrastructure.Mfa;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace FullAuth.Api.FunctionalTests.Mfa;

/// <summary>
/// The API with TOTP on a clock of its own (<see cref="TotpClock"/>, everything else on real time), so
/// tests can step through TOTP windows, and a capturing mail outbox (<see cref="Mails"/>).
/// </summary>
public class MfaFactory : FullAuthFactory
{
    public FakeTimeProvider TotpClock { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public CapturingOutbox Mails { get; } = new();

    /// <summary>The RFC 6238 code of <paramref name="secret"/> at the TOTP clock's time plus <paramref name="steps"/> steps.</summary>
    public string Code(string secret, int steps = 0) => CodeAt(secret, TotpClock.GetUtcNow().AddSeconds(30 * steps));

    public static string CodeAt(string secret, DateTimeOffset at) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at.UtcDateTime);

    /// <summary>Moves the TOTP clock to the next 30 s step.</summary>
    public void NextStep() => TotpClock.Advance(TimeSpan.FromSeconds(30));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ITotpAuthenticator>(new TotpAuthenticator(TotpClock));
            services.AddSingleton<IEmailOutbox>(Mails);
        });
    }
}

public sealed class CapturingOutbox : IEmailOutbox
{
    private readonly ConcurrentQueue<EmailMessage> _sent = new();

    public bool Enabled => true;

    public int Pending => 0;

    public IReadOnlyList<EmailMessage> Sent => [.. _sent];

    public void Enqueue(EmailMessage message) => _sent.Enqueue(message);

    public IReadOnlyList<EmailMessage> To(string email) => Sent.Where(m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase)).ToList();
}
