using FullAuth.Application.Account.ChangePassword;
using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.UnitTests.Support;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace FullAuth.Application.UnitTests.Account;

/// <summary>Uses the real <see cref="Reauthentication"/> and <see cref="SessionRevoker"/> over faked ports.</summary>
public sealed class ChangePasswordCommandHandlerTests
{
    private const string Current = "the current password";
    private const string NewPassword = "a brand new password";

    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly ILockoutStore _lockout = Substitute.For<ILockoutStore>();
    private readonly IRefreshTokenRepository _refreshTokens = Substitute.For<IRefreshTokenRepository>();
    private readonly ITokenBlacklist _blacklist = Substitute.For<ITokenBlacklist>();
    private readonly IPublisher _publisher = Substitute.For<IPublisher>();
    private readonly IOneTimeTokenRepository _oneTimeTokens = Substitute.For<IOneTimeTokenRepository>();
    private readonly FakeTimeProvider _time = TestData.Time();

    public ChangePasswordCommandHandlerTests()
    {
        _hasher.VerifyAsync(Arg.Any<string>(), Arg.Any<string?>(), Arg.Any<CancellationToken>()).Returns(PasswordVerification.Failed);
        _hasher.HashAsync(NewPassword, Arg.Any<CancellationToken>()).Returns("$argon2id$changed");
    }

    private ChangePasswordCommandHandler Handler()
    {
        var reauthentication = new Reauthentication(
            _hasher,
            _lockout,
            Microsoft.Extensions.Options.Options.Create(new LockoutOptions()),
            Microsoft.Extensions.Options.Options.Create(new SecurityOptions { ReauthenticationWindow = TimeSpan.FromMinutes(5) }),
            _time,
            NullLoggerFactory.Instance);
        var revoker = new SessionRevoker(_refreshTokens, _blacklist, _publisher, Microsoft.Extensions.Options.Options.Create(new JwtOptions()), _time);
        return new ChangePasswordCommandHandler(_users, _unitOfWork, _hasher, _oneTimeTokens, reauthentication, revoker, _publisher, _time, NullLoggerFactory.Instance);
    }

    private User GivenUser(string? passwordHash = "$argon2id$stored")
    {
        var user = TestData.User(passwordHash: passwordHash);
        _users.FindByIdAsync(user.Id, Arg.Any<CancellationToken>()).Returns(user);
        return user;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Handle_HasPasswordAndCurrentMissing_ReturnsValidationNamingCurrentPassword(string? current)
    {
        var user = GivenUser();

        var result = await Handler().Handle(new ChangePasswordCommand(TestData.Caller(user), current, NewPassword, TestData.Client), CancellationToken.None);

        result.Error!.Code.Should().Be(ErrorCodes.ValidationFailed);
        result.Error.Fields.Should().ContainKey("current_password");
        user.PasswordHash.Should().Be("$argon2id$stored");
        await _hasher.DidNotReceiveWithAnyArgs().VerifyAsync(default!, default, default);
    }

    [Fact]
    public async Task Handle_WrongCurrentPassword_ReturnsInvalidCurrentPasswordAndCountsFailure()
    {
        var user = GivenUser();

        var result = await Handler().Handle(new ChangePasswordCommand(TestData.Caller(user), "wrong", NewPassword, TestData.Client), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCurrentPassword);
        user.PasswordHash.Should().Be("$argon2id$stored");
        await _lockout.Received(1).RecordFailureAsync(user.Email, 5, TimeSpan.FromMinutes(15), Arg.Any<CancellationToken>());
        await _unitOfWork.DidNotReceiveWithAnyArgs().SaveChangesAsync(default);
        await _refreshTokens.DidNotReceiveWithAnyArgs().ListActiveSessionsAsync(default!, default, default);
    }

    [Fact]
    public async Task Handle_WrongCurrentPasswordEvenWithFreshAuthTime_IsRefused()
    {
        var user = GivenUser();
        var caller = TestData.Caller(user, authTime: TestData.Now);

        var result = await Handler().Handle(new ChangePasswordCommand(caller, "wrong", NewPassword, TestData.Client), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCurrentPassword);
    }

    [Fact]
    public async Task Handle_NoPasswordAndStaleAuthTime_ReturnsReauthenticationRequired()
    {
        var user = GivenUser(passwordHash: null);
        var caller = TestData.Caller(user, authTime: TestData.Now.AddMinutes(-6));

        var result = await Handler().Handle(new ChangePasswordCommand(caller, null, NewPassword, TestData.Client), CancellationToken.None);

        result.Error.Should().Be(Error.ReauthenticationRequired);
        user.HasPassword.Should().BeFalse();
    }

    [Fact]
    public async Task Handle_NoPasswordAndRecentAuthTime_SetsFirstPassword()
    {
        var user = GivenUser(passwordHash: null);
        var caller = TestData.Caller(user, authTime: TestData.Now.AddMinutes(-2));
        _refreshTokens.ListActiveSessionsAsync(user.Id, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(Array.Empty<FullAuth.Domain.Sessions.RefreshToken>());

        var result = await Handler().Handle(new ChangePasswordCommand(caller, null, NewPassword, TestData.Client), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        user.PasswordHash.Should().Be("$argon2id$changed");
    }

    [Fact]
    public async Task Handle_Success_ChangesHashAndRevokesOtherSessionsButNotTheCurrentOne()
    {
        var user = GivenUser();
        var current = TestData.Session(user.Id, "h1");
        var other = TestData.Session(user.Id, "h2");
        _hasher.VerifyAsync(Current, "$argon2id$stored", Arg.Any<CancellationToken>()).Returns(PasswordVerification.Success);
        _refreshTokens.ListActiveSessionsAsync(user.Id, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(new[] { current, other });
        var caller = TestData.Caller(user, current.FamilyId, authTime: TestData.Now.AddDays(-3));
        var versionBefore = user.Version;

        var result = await Handler().Handle(new ChangePasswordCommand(caller, Current, NewPassword, TestData.Client), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        user.PasswordHash.Should().Be("$argon2id$changed");
        user.Version.Should().BeGreaterThan(versionBefore);
        await _unitOfWork.Received(1).SaveChangesAsync(Arg.Any<CancellationToken>());
        await _refreshTokens.Received(1).RevokeFamilyAsync(other.FamilyId, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
        await _refreshTokens.DidNotReceive().RevokeFamilyAsync(current.FamilyId, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
        await _blacklist.Received(1).RevokeSessionAsync(other.FamilyId, Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>());
        await _blacklist.DidNotReceive().RevokeSessionAsync(current.FamilyId, Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>());
        await _publisher.Received(1).Publish(Arg.Is<PasswordChanged>(e => e.UserId == user.Id && e.IpAddress == TestData.Client.IpAddress), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_InactiveUser_ReturnsUnauthenticated()
    {
        var user = GivenUser();
        user.SetActive(false, TestData.Now);

        var result = await Handler().Handle(new ChangePasswordCommand(TestData.Caller(user), Current, NewPassword, TestData.Client), CancellationToken.None);

        result.Error.Should().Be(Error.Unauthenticated);
    }
}
