using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.Sessions.RevokeSession;
using FullAuth.Application.UnitTests.Support;
using FullAuth.Domain.Sessions;
using Mediator;
using NSubstitute;

namespace FullAuth.Application.UnitTests.Sessions;

public sealed class RevokeSessionCommandHandlerTests
{
    private readonly IRefreshTokenRepository _refreshTokens = Substitute.For<IRefreshTokenRepository>();
    private readonly ISessionRevoker _revoker = Substitute.For<ISessionRevoker>();
    private readonly IPublisher _publisher = Substitute.For<IPublisher>();

    private RevokeSessionCommandHandler Handler() => new(_refreshTokens, _revoker, _publisher, TestData.Time());

    [Fact]
    public async Task Handle_SessionNotTheCallers_ReturnsNotFound()
    {
        var user = TestData.User();
        var mine = TestData.Session(user.Id);
        _refreshTokens.ListActiveSessionsAsync(user.Id, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(new[] { mine });
        var someoneElses = TestData.Session("other-user");

        var result = await Handler().Handle(new RevokeSessionCommand(TestData.Caller(user, mine.FamilyId), someoneElses.FamilyId), CancellationToken.None);

        result.Error.Should().Be(Error.NotFound);
        await _revoker.DidNotReceiveWithAnyArgs().RevokeAsync(default!, default!, default!, default);
    }

    [Fact]
    public async Task Handle_OtherOwnSession_RevokesWithoutSignOutEvent()
    {
        var user = TestData.User();
        var current = TestData.Session(user.Id, "h1");
        var other = TestData.Session(user.Id, "h2");
        _refreshTokens.ListActiveSessionsAsync(user.Id, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(new[] { current, other });

        var result = await Handler().Handle(new RevokeSessionCommand(TestData.Caller(user, current.FamilyId), other.FamilyId), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        await _revoker.Received(1).RevokeAsync(user.Id, other.FamilyId, "revoked_by_user", Arg.Any<CancellationToken>());
        await _publisher.DidNotReceiveWithAnyArgs().Publish<UserSignedOut>(default!, default);
    }

    [Fact]
    public async Task Handle_CurrentSession_RevokesAndPublishesSignOut()
    {
        var user = TestData.User();
        var current = TestData.Session(user.Id);
        _refreshTokens.ListActiveSessionsAsync(user.Id, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(new[] { current });

        var result = await Handler().Handle(new RevokeSessionCommand(TestData.Caller(user, current.FamilyId), current.FamilyId), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        await _revoker.Received(1).RevokeAsync(user.Id, current.FamilyId, "revoked_by_user", Arg.Any<CancellationToken>());
        await _publisher.Received(1).Publish(Arg.Is<UserSignedOut>(e => e.SessionId == current.FamilyId), Arg.Any<CancellationToken>());
    }
}
