using FullAuth.Application.Common.Behaviours;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace FullAuth.Application.UnitTests.Behaviours;

public sealed class RateLimitingBehaviourTests
{
    private readonly IRateLimiter _limiter = Substitute.For<IRateLimiter>();
    private readonly RateLimitOptions _options = new() { Login = 5, Window = TimeSpan.FromMinutes(1) };
    private readonly RateLimitState _state = new();
    private int _nextCalls;

    public sealed record LimitedCommand(string? Partition) : ICommand<Result<string>>, IRateLimited
    {
        public string RateLimitBucket => RateLimitBuckets.Login;

        public string? RateLimitPartition => Partition;
    }

    private RateLimitingBehaviour<LimitedCommand, Result<string>> Behaviour() =>
        new(_limiter, Microsoft.Extensions.Options.Options.Create(_options), _state, NullLoggerFactory.Instance);

    private ValueTask<Result<string>> Next(LimitedCommand command, CancellationToken cancellationToken)
    {
        _nextCalls++;
        return ValueTask.FromResult(Result<string>.Success("handled"));
    }

    [Fact]
    public async Task Handle_LimiterRefuses_ReturnsRateLimitedWithRetryAfterAndRecordsDecision()
    {
        var decision = new RateLimitDecision(false, 5, 0, TimeSpan.FromSeconds(42));
        _limiter.AcquireAsync("login:203.0.113.7", 5, TimeSpan.FromMinutes(1), Arg.Any<CancellationToken>()).Returns(decision);

        var result = await Behaviour().Handle(new LimitedCommand("203.0.113.7"), Next, CancellationToken.None);

        result.Error!.Code.Should().Be(ErrorCodes.RateLimited);
        result.Error.RetryAfter.Should().Be(TimeSpan.FromSeconds(42));
        _state.Decision.Should().BeSameAs(decision);
        _nextCalls.Should().Be(0);
    }

    [Fact]
    public async Task Handle_LimiterAllows_CallsNextAndRecordsDecision()
    {
        var decision = new RateLimitDecision(true, 5, 4, TimeSpan.FromSeconds(60));
        _limiter.AcquireAsync("login:203.0.113.7", 5, TimeSpan.FromMinutes(1), Arg.Any<CancellationToken>()).Returns(decision);

        var result = await Behaviour().Handle(new LimitedCommand("203.0.113.7"), Next, CancellationToken.None);

        result.Value.Should().Be("handled");
        _state.Decision.Should().BeSameAs(decision);
        _nextCalls.Should().Be(1);
    }

    [Fact]
    public async Task Handle_NoPartition_CountsUnderUnknown()
    {
        _limiter.AcquireAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>())
            .Returns(new RateLimitDecision(true, 5, 4, TimeSpan.FromSeconds(60)));

        await Behaviour().Handle(new LimitedCommand(null), Next, CancellationToken.None);

        await _limiter.Received(1).AcquireAsync("login:unknown", 5, TimeSpan.FromMinutes(1), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_Disabled_DoesNothingButCallNext()
    {
        _options.Enabled = false;

        var result = await Behaviour().Handle(new LimitedCommand("203.0.113.7"), Next, CancellationToken.None);

        result.Value.Should().Be("handled");
        _nextCalls.Should().Be(1);
        _state.Decision.Should().BeNull();
        await _limiter.DidNotReceiveWithAnyArgs().AcquireAsync(default!, default, default, default);
    }
}
