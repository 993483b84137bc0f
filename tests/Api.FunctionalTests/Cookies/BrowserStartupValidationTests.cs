using System.Collections.Concurrent;
using FullAuth.Api.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FullAuth.Api.FunctionalTests.Cookies;

public sealed class BrowserStartupValidationTests
{
    [Fact]
    public void Startup_SameSiteNoneWithDebug_FailsNamingTheSetting()
    {
        var message = StartupFailure(new DebugCookieModeFactory(), ("FullAuth:Cookies:SameSite", "None"));

        message.Should().Contain("FullAuth:Cookies:SameSite=None requires Secure cookies");
    }

    [Fact]
    public void Startup_CookieModeWithoutCorsOrigins_FailsNamingTheSetting()
    {
        using var factory = new FullAuthFactory();
        factory.Settings["FullAuth:TokenDelivery"] = "cookie";

        var message = StartupFailure(factory);

        message.Should().Contain("FullAuth:Cors:Origins is empty");
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://app.example.test/login")]
    [InlineData("app.example.test")]
    public void Startup_CorsOriginThatIsNotAnOrigin_FailsNamingTheSetting(string origin)
    {
        var message = StartupFailure(new CookieModeFactory(), ("FullAuth:Cors:Origins:0", origin));

        message.Should().Contain("FullAuth:Cors:Origins entry");
    }

    [Fact]
    public void Startup_UnknownSameSite_FailsNamingTheSetting()
    {
        var message = StartupFailure(new CookieModeFactory(), ("FullAuth:Cookies:SameSite", "Sometimes"));

        message.Should().Contain("FullAuth:Cookies:SameSite 'Sometimes' is unknown");
    }

    [Fact]
    public void Startup_CookieModeWithoutDebugOverPlainHttp_Warns()
    {
        using var factory = new CookieModeFactory();
        factory.Settings["urls"] = "http://localhost:5080";
        var logs = new LogSink();

        using var started = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        started.CreateClient();

        // ApplicationStarted callbacks may run just after the host hands back control: wait for the line.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!logs.Messages.Any(m => m.Contains("plain HTTP", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        logs.Messages.Should().Contain(m => m.Contains("listens only on plain HTTP", StringComparison.Ordinal) && m.Contains("FullAuth:Debug", StringComparison.Ordinal));
    }

    [Fact]
    public void Startup_CookieModeOverHttps_DoesNotWarn()
    {
        using var factory = new CookieModeFactory();
        factory.Settings["urls"] = "https://localhost:5443";
        var logs = new LogSink();

        using var started = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        started.CreateClient();
        Thread.Sleep(500);

        logs.Messages.Should().NotContain(m => m.Contains("plain HTTP", StringComparison.Ordinal));
    }

    private static string StartupFailure(FullAuthFactory factory, params (string Key, string Value)[] settings)
    {
        using (factory)
        {
            foreach (var (key, value) in settings)
            {
                factory.Settings[key] = value;
            }

            var act = () => factory.CreateClient();
            var exception = act.Should().Throw<Exception>().Which;
            var messages = new List<string>();
            for (Exception? e = exception; e is not null; e = e.InnerException)
            {
                messages.Add(e.Message);
            }

            return string.Join(" | ", messages);
        }
    }

    private sealed class LogSink : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LogSink sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    sink.Messages.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
