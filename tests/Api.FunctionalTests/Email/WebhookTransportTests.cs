using System.Collections.Concurrent;
using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FullAuth.Api.FunctionalTests.Email;

/// <summary><c>Email:Transport = webhook</c> against a local HTTP receiver: shape, headers, retries, timeouts, validation.</summary>
public sealed class WebhookTransportTests
{
    private const string Frontend = "https://app.example.test";
    private const string ApiKey = "relay-api-key-that-must-never-be-logged";

    [Fact]
    public async Task Register_PostsTheMailAsJsonWithConfiguredHeaders()
    {
        using var receiver = WebhookReceiver.Start();
        using var factory = Factory(receiver);
        var client = factory.CreateClient();
        var email = ApiClient.NewEmail("hook");

        (await client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password = ApiClient.StrongPassword })).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var request = await receiver.WaitForAsync(r => r.Body.Contains(email, StringComparison.Ordinal));
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/send");
        request.Headers["Content-Type"].Should().StartWith("application/json");
        request.Headers["X-Api-Key"].Should().Be(ApiKey);
        request.Headers["X-Relay-Stream"].Should().Be("transactional");
        var json = request.Json;
        json.Select(p => p.Key).Should().BeEquivalentTo(["to", "subject", "html", "text"]);
        json["to"]!.GetValue<string>().Should().Be(email);
        json["subject"]!.GetValue<string>().Should().Contain("Verify your email");
        json["text"]!.GetValue<string>().Should().Contain($"{Frontend}/verify-email?token=");
        json["html"]!.GetValue<string>().Should().Contain($"href=\"{Frontend}/verify-email?token=");
    }

    [Fact]
    public async Task FailingReceiverThatRecovers_MailIsRetriedWithBackoffAndDelivered()
    {
        using var receiver = WebhookReceiver.Start().AnswerWith(500, 503);
        using var factory = Factory(receiver);
        var client = factory.CreateClient();
        var email = ApiClient.NewEmail("hook");

        var started = DateTime.UtcNow;
        var register = await client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password = ApiClient.StrongPassword });
        register.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(5), "the request never waits on the mail API");

        var delivered = await receiver.WaitForAsync(r => r.Status == 200 && r.Body.Contains(email, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        var attempts = receiver.Requests.Where(r => r.Body.Contains(email, StringComparison.Ordinal)).ToList();
        attempts.Select(r => r.Status).Should().Equal(500, 503, 200);
        (DateTime.UtcNow - started).Should().BeGreaterThan(TimeSpan.FromSeconds(2.5), "retries back off 1 s, then 2 s");
        delivered.Json["to"]!.GetValue<string>().Should().Be(email);
    }

    [Fact]
    public async Task SlowReceiver_AttemptTimesOutAndIsRetried()
    {
        using var receiver = WebhookReceiver.Start();
        receiver.Delay = TimeSpan.FromSeconds(3);
        using var factory = Factory(receiver, ("FullAuth:Email:Webhook:Timeout", "00:00:01"));
        var client = factory.CreateClient();
        var email = ApiClient.NewEmail("hook");

        await client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password = ApiClient.StrongPassword });
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        receiver.Delay = TimeSpan.Zero;

        await receiver.WaitForAsync(r => r.Body.Contains(email, StringComparison.Ordinal) && receiver.Requests.Count(x => x.Body.Contains(email, StringComparison.Ordinal)) >= 2, TimeSpan.FromSeconds(30));
        receiver.Requests.Count(r => r.Body.Contains(email, StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(2, "the timed-out attempt was retried");
    }

    [Fact]
    public async Task ReceiverThatNeverRecovers_GivesUpAfterMaxAttempts_AndLogsNoSecret()
    {
        using var receiver = WebhookReceiver.Start().AnswerWith(500, 500, 500, 500);
        var logs = new CapturingProvider();
        using var factory = Factory(receiver, ("FullAuth:Email:MaxAttempts", "2"));
        using var host = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var client = host.CreateClient();
        var email = ApiClient.NewEmail("hook");

        await client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password = ApiClient.StrongPassword });
        await receiver.WaitForAsync(r => r.Body.Contains(email, StringComparison.Ordinal) && receiver.Requests.Count(x => x.Body.Contains(email, StringComparison.Ordinal)) == 2);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!logs.Messages.Any(m => m.Contains("given up", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await Task.Delay(1500);
        receiver.Requests.Count(r => r.Body.Contains(email, StringComparison.Ordinal)).Should().Be(2, "Email:MaxAttempts is 2");
        logs.Messages.Should().Contain(m => m.Contains("given up", StringComparison.Ordinal) && m.Contains("500", StringComparison.Ordinal));
        logs.Messages.Should().NotContain(m => m.Contains(ApiKey, StringComparison.Ordinal) || m.Contains("token=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WebhookWithoutUrl_FailsNamingTheSetting()
    {
        using var factory = FullAuthFactory.With(("FullAuth:Email:Transport", "webhook"));

        StartupFailure(factory).Should().Contain("FullAuth:Email:Webhook:Url");
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("http://mail.example.com/send")]
    [InlineData("ftp://127.0.0.1/send")]
    [InlineData("/relative")]
    [InlineData("https://user:pass@mail.example.com/send")]
    public void Start_WebhookUrlNotHttpsNorLocal_FailsNamingTheSetting(string url)
    {
        using var factory = FullAuthFactory.With(("FullAuth:Email:Transport", "webhook"), ("FullAuth:Email:Webhook:Url", url));

        var message = StartupFailure(factory);

        message.Should().Contain("FullAuth:Email:Webhook:Url");
        message.Should().NotContain("pass@", "the configured value could hold a secret");
    }

    [Fact]
    public async Task Start_WebhookHttpsUrl_StartsAndMailRoutesWork()
    {
        using var factory = FullAuthFactory.With(("FullAuth:Email:Transport", "webhook"), ("FullAuth:Email:Webhook:Url", "https://mail.example.com/send"));

        var response = await factory.CreateClient().PostJsonAsync($"{ApiClient.Base}/password-reset/request", new { email = ApiClient.NewEmail() });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    private static string StartupFailure(FullAuthFactory factory)
    {
        try
        {
            factory.CreateClient();
        }
        catch (Exception exception)
        {
            var messages = new List<string>();
            for (var e = exception; e is not null; e = e.InnerException)
            {
                messages.Add(e.Message);
            }

            return string.Join(" | ", messages);
        }

        throw new Xunit.Sdk.XunitException("The host started although the configuration is invalid.");
    }

    private static FullAuthFactory Factory(WebhookReceiver receiver, params (string Key, string? Value)[] settings)
    {
        var factory = new FullAuthFactory();
        factory.Settings["FullAuth:Email:Transport"] = "webhook";
        factory.Settings["FullAuth:Email:Webhook:Url"] = receiver.Url;
        factory.Settings["FullAuth:Email:Webhook:Headers:X-Api-Key"] = ApiKey;
        factory.Settings["FullAuth:Email:Webhook:Headers:X-Relay-Stream"] = "transactional";
        factory.Settings["FullAuth:Email:FrontendUrl"] = Frontend;
        factory.Settings["Logging:LogLevel:Default"] = "Information";
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => _messages.ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(_messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}
