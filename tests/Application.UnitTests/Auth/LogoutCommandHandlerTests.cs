using FullAuth.Application.Auth.Logout;
using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Security;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.UnitTests.Support;
using FullAuth.Domain.Sessions;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace FullAuth.Application.UnitTests.Auth;

public sealed class LogoutCommandHandlerTests
{
    private readonly IRefreshTokenRepository _refreshTokens = Substitute.For<IRefreshTokenRepository>();
    private readonly ISessionRevoker _revoker = Substitute.For<ISessionRevoker>();
    private readonly IPublisher _publisher = Substitute.For<IPublisher>();
    private readonly User _user = TestData.User();

    private LogoutCommandHandler Handler() => new(_refreshTokens, _revoker, _publisher, TestData.Time(), NullLoggerFactory.Instance);

    private RefreshToken GivenRefreshToken(string value, string userId)
    {
        var token = TestData.Session(userId, OpaqueToken.Digest(value));
        _refreshTokens.FindByHashAsync(OpaqueToken.Digest(value), Arg.Any<CancellationToken>()).Returns(token);
        return token;
    }

    [Fact]
    public async Task Handle_NoAccessTokenNorRefreshToken_ReturnsUnauthenticated()
    {
        var result = await Handler().Handle(new LogoutCommand(null, null, TestData.Client), CancellationToken.None);

        result.Error.Should().Be(Error.Unauthenticated);
        await _revoker.DidNotReceiveWithAnyArgs().RevokeAsync(default!, default!, default!, default);
    }

    [Fact]
    public async Task Handle_AccessTokenOnly_RevokesCurrentSessionAndPublishesSignOut()
    {
        var caller = TestData.Caller(_user, "sid-current");

        var result = await Handler().Handle(new LogoutCommand(caller, null, TestData.Client), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        await _revoker.Received(1).RevokeAsync(_user.Id, "sid-current", "logout", Arg.Any<CancellationToken>());
        await _publisher.Received(1).Publish(Arg.Is<UserSignedOut>(e => e.UserId == _user.Id && e.SessionId == "sid-current"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_AccessTokenWithOtherUsersRefreshToken_IgnoresTheRefreshToken()
    {
        var caller = TestData.Caller(_user, "sid-current");
        var foreign = GivenRefreshToken("foreign-token", "someone-else");

        var result = await Handler().Handle(new LogoutCommand(caller, "foreign-token", TestData.Client), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        await _revoker.Received(1).RevokeAsync(_user.Id, "sid-current", "logout", Arg.Any<CancellationToken>());
        await _revoker.DidNotReceive().RevokeAsync(Arg.Any<string>(), foreign.FamilyId, Arg.Any<string>(), Arg.Any<CancellationToken>());
        await _revoker.DidNotReceive().RevokeAsync("someone-else", Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_AccessTokenWithOwnRefreshTokenOfAnotherSession_RevokesBoth()
    {
        var caller = TestData.Caller(_user, "sid-current");
        var own = GivenRefreshToken("own-token", _user.Id);

        await Handler().Handle(new LogoutCommand(caller, "own-token", TestData.Client), CancellationToken.None);

        await _revoker.Received(1).RevokeAsync(_user.Id, "sid-current", "logout", Arg.Any<CancellationToken>());
        await _revoker.Received(1).RevokeAsync(_user.Id, own.FamilyId, "logout", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_RefreshTokenOnly_RevokesItsSession()
    {
        var own = GivenRefreshToken("own-token", _user.Id);

        var result = await Handler().Handle(new LogoutCommand(null, "own-token", TestData.Client), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        await _revoker.Received(1).RevokeAsync(_user.Id, own.FamilyId, "logout", Arg.Any<CancellationToken>());
        await _publisher.Received(1).Publish(Arg.Is<UserSignedOut>(e => e.SessionId == own.FamilyId), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_UnknownRefreshTokenOnly_SucceedsWithoutRevoking()
    {
        var result = await Handler().Handle(new LogoutCommand(null, "unknown", TestData.Client), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        await _revoker.DidNotReceiveWithAnyArgs().RevokeAsync(default!, default!, default!, default);
    }

    [Fact]
    public async Task Handle_AlreadyRevokedRefreshTokenOnly_SucceedsWithoutRevokingAgain()
    {
        GivenRefreshToken("revoked-token", _user.Id).MarkRevoked(TestData.Now.AddMinutes(-1));

        var result = await Handler().Handle(new LogoutCommand(null, "revoked-token", TestData.Client), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        await _revoker.DidNotReceiveWithAnyArgs().RevokeAsync(default!, default!, default!, default);
    }
}
