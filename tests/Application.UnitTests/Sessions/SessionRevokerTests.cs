using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.UnitTests.Support;
using Mediator;
using NSubstitute;

namespace FullAuth.Application.UnitTests.Sessions;

public sealed class SessionRevokerTests
{
    private readonly IRefreshTokenRepository _refreshTokens = Substitute.For<IRefreshTokenRepository>();
    private readonly ITokenBlacklist _blacklist = Substitute.For<ITokenBlacklist>();
    private readonly IPublisher _publisher = Substitute.For<IPublisher>();
    private readonly JwtOptions _jwt = new() { AccessTokenLifetime = TimeSpan.FromMinutes(10), ClockSkew = TimeSpan.FromSeconds(45) };

    private SessionRevoker Revoker() => new(_refreshTokens, _blacklist, _publisher, Microsoft.Extensions.Options.Options.Create(_jwt), TestData.Time());

    [Fact]
    public async Task RevokeAsync_Session_RevokesFamilyAndBlacklistsSidForAccessLifetimePlusSkew()
    {
        await Revoker().RevokeAsync("user-1", "sid-1", "logout", CancellationToken.None);

        await _refreshTokens.Received(1).RevokeFamilyAsync("sid-1", TestData.Now, Arg.Any<CancellationToken>());
        await _blacklist.Received(1).RevokeSessionAsync("sid-1", TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(45), Arg.Any<CancellationToken>());
        await _publisher.Received(1).Publish(
            Arg.Is<SessionRevoked>(e => e.UserId == "user-1" && e.SessionId == "sid-1" && e.Reason == "logout" && e.At == TestData.Now),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RevokeAllAsync_WithException_RevokesEveryOtherSessionAndCountsThem()
    {
        var sessions = new[] { TestData.Session("user-1", "h1"), TestData.Session("user-1", "h2"), TestData.Session("user-1", "h3") };
        _refreshTokens.ListActiveSessionsAsync("user-1", TestData.Now, Arg.Any<CancellationToken>()).Returns(sessions);

        var revoked = await Revoker().RevokeAllAsync("user-1", sessions[1].FamilyId, "password_changed", CancellationToken.None);

        revoked.Should().Be(2);
        await _blacklist.Received(1).RevokeSessionAsync(sessions[0].FamilyId, Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>());
        await _blacklist.Received(1).RevokeSessionAsync(sessions[2].FamilyId, Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>());
        await _blacklist.DidNotReceive().RevokeSessionAsync(sessions[1].FamilyId, Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RevokeAllAsync_WithoutException_RevokesAll()
    {
        var sessions = new[] { TestData.Session("user-1", "h1"), TestData.Session("user-1", "h2") };
        _refreshTokens.ListActiveSessionsAsync("user-1", TestData.Now, Arg.Any<CancellationToken>()).Returns(sessions);

        var revoked = await Revoker().RevokeAllAsync("user-1", null, "account_deleted", CancellationToken.None);

        revoked.Should().Be(2);
        await _refreshTokens.Received(2).RevokeFamilyAsync(Arg.Any<string>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
    }
}
