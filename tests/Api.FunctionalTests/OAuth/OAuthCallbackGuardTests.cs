using System.Collections.Concurrent;
using System.Net;
using System.Text;
using FullAuth.Api.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FullAuth.Api.FunctionalTests.OAuth;

/// <summary>Rate limits of the OAuth routes and the logged cause behind every <c>oauth_failed</c>.</summary>
public sealed class OAuthCallbackGuardTests(OidcServer server) : IClassFixture<OidcServer>
{
    [Fact]
    public async Task Callback_CountsInTheLoginBucket()
    {
        server.RequireAvailable();
        await using var factory = FullAuthFactory.With(server.Settings(("FullAuth:RateLimits:Login", "2")));
        var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await PostAsync(client, "/oauth/oidc-test/callback", "{\"code\":\"c\",\"state\":\"s\"}")).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Authorize_CountsInThePasskeyBucket()
    {
        server.RequireAvailable();
        await using var factory = FullAuthFactory.With(server.Settings(("FullAuth:RateLimits:Passkey", "1")));
        var client = factory.CreateClient();

        var first = await GetAsync(client, $"/oauth/oidc-test/authorize?redirect_uri={Uri.EscapeDataString(OidcServer.RedirectUri)}");
        var second = await GetAsync(client, $"/oauth/oidc-test/authorize?redirect_uri={Uri.EscapeDataString(OidcServer.RedirectUri)}");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        await second.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task Callback_Failure_LogsTheCauseUnderFullAuthOAuthAndReturnsNone()
    {
        server.RequireAvailable();
        var logs = new LogSink();
        await using var factory = FullAuthFactory.With(server.Settings());
        await using var custom = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var client = custom.CreateClient();
        var started = await client.StartAsync("oidc-test");
        var (code, state) = await ProviderLogin.CompleteAsync(started.AuthorizationUrl, ApiClient.NewEmail("logged"));

        var response = await client.CallbackAsync("oidc-test", code, state, binding: "forged-binding");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "oauth_failed");
        problem.ToJsonString().Should().NotContain("binding");
        logs.Messages.Should().Contain(m => m.Category == "FullAuth.OAuth" && m.Text.Contains("binding cookie", StringComparison.Ordinal));
        logs.Messages.Should().NotContain(m => m.Text.Contains(code, StringComparison.Ordinal) || m.Text.Contains(state, StringComparison.Ordinal), "codes and states are never logged");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiClient.Base + path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Test-Peer", "203.0.113.7");
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiClient.Base + path);
        request.Headers.Add("X-Test-Peer", "203.0.113.8");
        return await client.SendAsync(request);
    }

    private sealed class LogSink : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, string Text)> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogSink sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    sink.Messages.Enqueue((category, formatter(state, exception)));
                }
            }
        }
    }
}
