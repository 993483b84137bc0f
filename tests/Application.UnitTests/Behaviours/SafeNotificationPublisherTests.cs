using FullAuth.Application.Common.Events;
using FullAuth.Application.UnitTests.Support;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.UnitTests.Behaviours;

public sealed class SafeNotificationPublisherTests
{
    private static readonly UserSignedOut Event = new("user-1", "sid-1", TestData.Now);

    private sealed class ThrowingHandler(Exception exception) : INotificationHandler<UserSignedOut>
    {
        public ValueTask Handle(UserSignedOut notification, CancellationToken cancellationToken) => throw exception;
    }

    private sealed class RecordingHandler : INotificationHandler<UserSignedOut>
    {
        public List<UserSignedOut> Seen { get; } = [];

        public ValueTask Handle(UserSignedOut notification, CancellationToken cancellationToken)
        {
            Seen.Add(notification);
            return ValueTask.CompletedTask;
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Publish_HandlerThrows_LogsUnderHooksAndRunsTheOthers(bool isArray)
    {
        var loggers = new CapturingLoggerFactory();
        var first = new RecordingHandler();
        var last = new RecordingHandler();
        INotificationHandler<UserSignedOut>[] handlers = [first, new ThrowingHandler(new InvalidOperationException("hook broke")), last];
        var collection = new NotificationHandlers<UserSignedOut>(isArray ? handlers : handlers.ToList(), isArray);

        await new SafeNotificationPublisher(loggers).Publish(collection, Event, CancellationToken.None);

        first.Seen.Should().ContainSingle().Which.Should().Be(Event);
        last.Seen.Should().ContainSingle().Which.Should().Be(Event);
        var entry = loggers.Entries.Should().ContainSingle().Subject;
        entry.Category.Should().Be("FullAuth.Hooks");
        entry.Level.Should().Be(LogLevel.Error);
        entry.Exception.Should().BeOfType<InvalidOperationException>();
        entry.Message.Should().Contain(nameof(ThrowingHandler)).And.Contain(nameof(UserSignedOut));
    }

    [Fact]
    public async Task Publish_CancelledRequest_PropagatesTheCancellation()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var handlers = new NotificationHandlers<UserSignedOut>(new INotificationHandler<UserSignedOut>[] { new ThrowingHandler(new OperationCanceledException(cts.Token)) }, true);

        var publish = async () => await new SafeNotificationPublisher(new CapturingLoggerFactory()).Publish(handlers, Event, cts.Token);

        await publish.Should().ThrowAsync<OperationCanceledException>();
    }
}
