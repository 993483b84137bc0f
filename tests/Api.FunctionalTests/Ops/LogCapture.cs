using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace FullAuth.Api.FunctionalTests.Ops;

/// <summary>An <see cref="ILoggerProvider"/> keeping every line at every level: message, exception and each structured value.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _lines = new();

    public IReadOnlyList<CapturedLog> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Text);

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue(new CapturedLog(category, LogLevel.Trace, default, "scope: " + state));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(" | ").Append(key).Append('=').Append(value);
                }
            }

            if (exception is not null)
            {
                text.Append(" | ").Append(exception);
            }

            lines.Enqueue(new CapturedLog(category, logLevel, eventId, text.ToString()));
        }
    }
}
