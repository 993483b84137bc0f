using FullAuth.Application.Auth.Refresh;
using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Security;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.UnitTests.Support;
using FullAuth.Domain.Sessions;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace FullAuth.Application.UnitTests.Auth;

public sealed class RefreshCommandHandlerTests
{
    private const string Presented = "presented-refresh-token";

    private readonly IRefreshTokenRepository _refreshTokens = Substitute.For<IRefreshTokenRepository>();
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly ISessionIssuer _sessions = Substitute.For<ISessionIssuer>();
    private readonly ISessionRevoker _revoker = Substitute.For<ISessionRevoker>();
    private readonly IPublisher _publisher = Substitute.For<IPublisher>();
    private readonly FakeTimeProvider _time = TestData.Time();
    private readonly User _user = TestData.User();
    private readonly RefreshToken _token;

    public RefreshCommandHandlerTests()
    {
        _token = TestData.Session(_user.Id, OpaqueToken.Digest(Presented), amr: "pwd otp", rememberMe: true);
        _refreshTokens.FindByHashAsync(OpaqueToken.Digest(Presented), Arg.Any<CancellationToken>()).Returns(_token);
        _refreshTokens.TryRotateAsync(_token.Id, Arg.Any<RefreshToken>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(true);
        _users.FindByIdAsync(_user.Id, Arg.Any<CancellationToken>()).Returns(_user);
        _sessions.IssueAccessTokenAsync(_user, Arg.Any<RefreshToken>(), Arg.Any<CancellationToken>()).Returns(("new-access", 900));
    }

    private RefreshCommandHandler Handler() =>
        new(_refreshTokens, _users, _sessions, _revoker, _publisher, _time, NullLoggerFactory.Instance);

    private static RefreshCommand Command(string token = Presented) => new(token, new ClientInfo("192.0.2.55", "NewBrowser/2.0"));

    private async Task ShouldNotRevokeOrIssueAsync()
    {
        await _revoker.DidNotReceiveWithAnyArgs().RevokeAsync(default!, default!, default!, default);
        await _refreshTokens.DidNotReceiveWithAnyArgs().TryRotateAsync(default!, default!, default, default);
        await _sessions.DidNotReceiveWithAnyArgs().IssueAccessTokenAsync(default!, default!, default);
    }

    private async Task ShouldDetectReuseAsync()
    {
        await _revoker.Received(1).RevokeAsync(_user.Id, _token.FamilyId, "refresh_token_reuse", Arg.Any<CancellationToken>());
        await _publisher.Received(1).Publish(
            Arg.Is<RefreshTokenReuseDetected>(e => e.UserId == _user.Id && e.SessionId == _token.FamilyId && e.IpAddress == "192.0.2.55"),
            Arg.Any<CancellationToken>());
        await _sessions.DidNotReceiveWithAnyArgs().IssueAccessTokenAsync(default!, default!, default);
    }

    [Fact]
    public async Task Handle_UnknownToken_ReturnsInvalidCredentials()
    {
        var result = await Handler().Handle(Command("never-issued"), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCredentials);
        await ShouldNotRevokeOrIssueAsync();
    }

    [Fact]
    public async Task Handle_AlreadyUsedToken_RevokesFamilyAndPublishesReuse()
    {
        _token.MarkUsed(TestData.Now.AddMinutes(-5));

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCredentials);
        await ShouldDetectReuseAsync();
        await _refreshTokens.DidNotReceiveWithAnyArgs().TryRotateAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Handle_LostMarkUsedRace_RevokesFamilyAndPublishesReuse()
    {
        _refreshTokens.TryRotateAsync(_token.Id, Arg.Any<RefreshToken>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(false);

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCredentials);
        await ShouldDetectReuseAsync();
    }

    [Fact]
    public async Task Handle_RevokedToken_ReturnsInvalidCredentialsWithoutRevoking()
    {
        _token.MarkRevoked(TestData.Now.AddMinutes(-5));

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCredentials);
        await ShouldNotRevokeOrIssueAsync();
        await _refreshTokens.DidNotReceiveWithAnyArgs().TryRotateAsync(default!, default!, default, default);
        await _publisher.DidNotReceiveWithAnyArgs().Publish<RefreshTokenReuseDetected>(default!, default);
    }

    [Fact]
    public async Task Handle_ExpiredToken_ReturnsInvalidCredentialsWithoutRevoking()
    {
        _time.SetUtcNow(_token.ExpiresAt);

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCredentials);
        await ShouldNotRevokeOrIssueAsync();
        await _refreshTokens.DidNotReceiveWithAnyArgs().TryRotateAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Handle_InactiveUser_RevokesSession()
    {
        _user.SetActive(false, TestData.Now);

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCredentials);
        await _revoker.Received(1).RevokeAsync(_user.Id, _token.FamilyId, "user_inactive", Arg.Any<CancellationToken>());
        await _refreshTokens.DidNotReceiveWithAnyArgs().TryRotateAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Handle_DeletedUser_RevokesSession()
    {
        _users.FindByIdAsync(_user.Id, Arg.Any<CancellationToken>()).Returns((User?)null);

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCredentials);
        await _revoker.Received(1).RevokeAsync(_user.Id, _token.FamilyId, "user_inactive", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_Success_AddsSuccessorInSameFamilyWithSameSessionFacts()
    {
        _time.Advance(TimeSpan.FromMinutes(20));
        RefreshToken? added = null;
        _refreshTokens.TryRotateAsync(_token.Id, Arg.Do<RefreshToken>(t => added = t), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(true);

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        added.Should().NotBeNull();
        added!.Id.Should().NotBe(_token.Id);
        added.FamilyId.Should().Be(_token.FamilyId);
        added.UserId.Should().Be(_user.Id);
        added.ExpiresAt.Should().Be(_token.ExpiresAt);
        added.AuthTime.Should().Be(_token.AuthTime);
        added.Amr.Should().Be("pwd otp");
        added.RememberMe.Should().BeTrue();
        added.SessionCreatedAt.Should().Be(_token.SessionCreatedAt);
        added.CreatedAt.Should().Be(_time.GetUtcNow());
        added.IpAddress.Should().Be("192.0.2.55");
        added.UserAgent.Should().Be("NewBrowser/2.0");
        added.TokenHash.Should().Be(OpaqueToken.Digest(result.Value.RefreshToken));

        result.Value.RefreshToken.Should().NotBe(Presented);
        result.Value.AccessToken.Should().Be("new-access");
        result.Value.ExpiresIn.Should().Be(900);
        result.Value.SessionId.Should().Be(_token.FamilyId);
        result.Value.SessionExpiresAt.Should().Be(_token.ExpiresAt);
        result.Value.RememberMe.Should().BeTrue();

        await _refreshTokens.Received(1).TryRotateAsync(_token.Id, added, _time.GetUtcNow(), Arg.Any<CancellationToken>());
        await _refreshTokens.Received(1).IsRevokedAsync(_token.Id, Arg.Any<CancellationToken>());
        await _sessions.Received(1).IssueAccessTokenAsync(_user, added, Arg.Any<CancellationToken>());
        await _revoker.DidNotReceiveWithAnyArgs().RevokeAsync(default!, default!, default!, default);
    }
}
