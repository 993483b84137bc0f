using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.UnitTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace FullAuth.Application.UnitTests.Sessions;

public sealed class ReauthenticationTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly ILockoutStore _lockout = Substitute.For<ILockoutStore>();

    private Reauthentication Reauthentication() => new(
        _hasher,
        _lockout,
        Microsoft.Extensions.Options.Options.Create(new LockoutOptions { MaxFailedAttempts = 4, Duration = TimeSpan.FromMinutes(7) }),
        Microsoft.Extensions.Options.Options.Create(new SecurityOptions { ReauthenticationWindow = Window }),
        TestData.Time(),
        NullLoggerFactory.Instance);

    [Fact]
    public async Task RequireAsync_AuthTimeExactlyAtWindow_IsRecent()
    {
        var user = TestData.User();

        var result = await Reauthentication().RequireAsync(TestData.Caller(user, authTime: TestData.Now - Window), user, null, CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task RequireAsync_AuthTimeOneSecondBeyondWindow_RequiresReauthentication()
    {
        var user = TestData.User();

        var result = await Reauthentication().RequireAsync(
            TestData.Caller(user, authTime: TestData.Now - Window - TimeSpan.FromSeconds(1)), user, null, CancellationToken.None);

        result.Error.Should().Be(Error.ReauthenticationRequired);
    }

    [Fact]
    public async Task RequireAsync_StaleAuthTimeWithCorrectPassword_Succeeds()
    {
        var user = TestData.User();
        _hasher.VerifyAsync("pw", user.PasswordHash, Arg.Any<CancellationToken>()).Returns(PasswordVerification.Success);

        var result = await Reauthentication().RequireAsync(TestData.Caller(user, authTime: TestData.Now.AddDays(-1)), user, "pw", CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task RequireAsync_PasswordGivenButUserHasNone_FallsBackToTheWindow()
    {
        var user = TestData.User(passwordHash: null);

        var result = await Reauthentication().RequireAsync(TestData.Caller(user, authTime: TestData.Now.AddDays(-1)), user, "pw", CancellationToken.None);

        result.Error.Should().Be(Error.ReauthenticationRequired);
        await _hasher.DidNotReceiveWithAnyArgs().VerifyAsync(default!, default, default);
    }

    [Fact]
    public async Task VerifyCurrentPasswordAsync_WrongPassword_CountsTowardLockout()
    {
        var user = TestData.User();
        _hasher.VerifyAsync("bad", user.PasswordHash, Arg.Any<CancellationToken>()).Returns(PasswordVerification.Failed);

        var result = await Reauthentication().VerifyCurrentPasswordAsync(user, "bad", CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCurrentPassword);
        await _lockout.Received(1).RecordFailureAsync(user.Email, 4, TimeSpan.FromMinutes(7), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task VerifyCurrentPasswordAsync_WrongPasswordEvenWithFreshAuthTime_IsRefused()
    {
        var user = TestData.User();
        _hasher.VerifyAsync("bad", user.PasswordHash, Arg.Any<CancellationToken>()).Returns(PasswordVerification.Failed);

        var result = await Reauthentication().RequireAsync(TestData.Caller(user, authTime: TestData.Now), user, "bad", CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCurrentPassword);
    }

    [Fact]
    public async Task VerifyCurrentPasswordAsync_Locked_VerifiesAgainstNullHashAndFails()
    {
        var user = TestData.User();
        _lockout.IsLockedAsync(user.Email, Arg.Any<CancellationToken>()).Returns(true);
        _hasher.VerifyAsync(Arg.Any<string>(), Arg.Any<string?>(), Arg.Any<CancellationToken>()).Returns(PasswordVerification.Success);

        var result = await Reauthentication().VerifyCurrentPasswordAsync(user, "pw", CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCurrentPassword);
        await _hasher.Received(1).VerifyAsync("pw", null, Arg.Any<CancellationToken>());
        await _hasher.DidNotReceive().VerifyAsync("pw", user.PasswordHash, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task VerifyCurrentPasswordAsync_CorrectPassword_SucceedsWithoutCountingFailure()
    {
        var user = TestData.User();
        _hasher.VerifyAsync("pw", user.PasswordHash, Arg.Any<CancellationToken>()).Returns(PasswordVerification.SuccessRehashNeeded);

        var result = await Reauthentication().VerifyCurrentPasswordAsync(user, "pw", CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        await _lockout.DidNotReceiveWithAnyArgs().RecordFailureAsync(default!, default, default, default);
    }
}
