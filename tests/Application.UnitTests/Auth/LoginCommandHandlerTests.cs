using FullAuth.Application.Auth.Login;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.UnitTests.Support;
using FullAuth.Domain.Users;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace FullAuth.Application.UnitTests.Auth;

public sealed class LoginCommandHandlerTests
{
    private const string Email = "alice@example.com";
    private const string Password = "correct horse battery";

    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly ILockoutStore _lockout = Substitute.For<ILockoutStore>();
    private readonly ISessionIssuer _sessions = Substitute.For<ISessionIssuer>();
    private readonly RegistrationOptions _registration = new();
    private readonly LockoutOptions _lockoutOptions = new() { MaxFailedAttempts = 5, Duration = TimeSpan.FromMinutes(15) };

    private LoginCommandHandler Handler() => new(
        _users,
        _unitOfWork,
        _hasher,
        _lockout,
        _sessions,
        Microsoft.Extensions.Options.Options.Create(_lockoutOptions),
        Microsoft.Extensions.Options.Options.Create(_registration),
        TestData.Time(),
        NullLoggerFactory.Instance);

    private static LoginCommand Command(string email = Email, bool rememberMe = false) => new(email, Password, rememberMe, TestData.Client);

    private User GivenUser(User user, PasswordVerification verification)
    {
        _users.FindByEmailAsync(user.Email, Arg.Any<CancellationToken>()).Returns(user);
        _hasher.VerifyAsync(Password, user.PasswordHash, Arg.Any<CancellationToken>()).Returns(verification);
        _sessions.SignInAsync(user, Arg.Any<IReadOnlyList<string>>(), Arg.Any<bool>(), Arg.Any<ClientInfo>(), Arg.Any<CancellationToken>())
            .Returns(Result<SignInResult>.Success(TestData.SignIn(user)));
        return user;
    }

    [Fact]
    public async Task Handle_LockedKey_VerifiesAgainstNullHashAndFailsWhateverThePassword()
    {
        var user = GivenUser(TestData.User(), PasswordVerification.Success);
        _lockout.IsLockedAsync(Email, Arg.Any<CancellationToken>()).Returns(true);
        _hasher.VerifyAsync(Password, null, Arg.Any<CancellationToken>()).Returns(PasswordVerification.Success);

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCredentials);
        await _hasher.Received(1).VerifyAsync(Password, null, Arg.Any<CancellationToken>());
        await _hasher.DidNotReceive().VerifyAsync(Arg.Any<string>(), user.PasswordHash, Arg.Any<CancellationToken>());
        await _users.DidNotReceiveWithAnyArgs().FindByEmailAsync(default!, default);
        await _sessions.DidNotReceiveWithAnyArgs().SignInAsync(default!, default!, default, default!, default);
        await _lockout.DidNotReceiveWithAnyArgs().RecordFailureAsync(default!, default, default, default);
    }

    [Fact]
    public async Task Handle_UnknownEmail_StillHashesAndRecordsFailure()
    {
        _users.FindByEmailAsync(Email, Arg.Any<CancellationToken>()).Returns((User?)null);

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCredentials);
        await _hasher.Received(1).VerifyAsync(Password, null, Arg.Any<CancellationToken>());
        await _lockout.Received(1).RecordFailureAsync(Email, 5, TimeSpan.FromMinutes(15), Arg.Any<CancellationToken>());
        await _sessions.DidNotReceiveWithAnyArgs().SignInAsync(default!, default!, default, default!, default);
    }

    [Fact]
    public async Task Handle_EmailInOtherCaseAndPadded_IsNormalizedForLookupAndLockout()
    {
        _users.FindByEmailAsync(Email, Arg.Any<CancellationToken>()).Returns((User?)null);

        await Handler().Handle(Command("  Alice@Example.COM "), CancellationToken.None);

        await _lockout.Received(2).IsLockedAsync(Email, Arg.Any<CancellationToken>());
        await _users.Received(1).FindByEmailAsync(Email, Arg.Any<CancellationToken>());
        await _lockout.Received(1).RecordFailureAsync(Email, Arg.Any<int>(), Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WrongPassword_RecordsFailureAndReturnsInvalidCredentials()
    {
        GivenUser(TestData.User(), PasswordVerification.Failed);

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCredentials);
        await _lockout.Received(1).RecordFailureAsync(Email, 5, TimeSpan.FromMinutes(15), Arg.Any<CancellationToken>());
        await _lockout.DidNotReceiveWithAnyArgs().ResetAsync(default!, default);
        await _sessions.DidNotReceiveWithAnyArgs().SignInAsync(default!, default!, default, default!, default);
    }

    [Fact]
    public async Task Handle_InactiveUserWithCorrectPassword_ReturnsInvalidCredentials()
    {
        GivenUser(TestData.User(active: false), PasswordVerification.Success);

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCredentials);
        await _sessions.DidNotReceiveWithAnyArgs().SignInAsync(default!, default!, default, default!, default);
    }

    [Fact]
    public async Task Handle_RequireVerifiedEmailAndUnverifiedWithCorrectPassword_ReturnsEmailNotVerified()
    {
        _registration.RequireVerifiedEmail = true;
        GivenUser(TestData.User(verified: false), PasswordVerification.Success);

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.EmailNotVerified);
        await _sessions.DidNotReceiveWithAnyArgs().SignInAsync(default!, default!, default, default!, default);
    }

    [Fact]
    public async Task Handle_RequireVerifiedEmailAndUnverifiedWithWrongPassword_ReturnsInvalidCredentials()
    {
        _registration.RequireVerifiedEmail = true;
        GivenUser(TestData.User(verified: false), PasswordVerification.Failed);

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCredentials);
    }

    [Fact]
    public async Task Handle_SuccessRehashNeeded_ReplacesHashAndSaves()
    {
        var user = GivenUser(TestData.User(passwordHash: "$2b$10$legacy"), PasswordVerification.SuccessRehashNeeded);
        _hasher.HashAsync(Password, Arg.Any<CancellationToken>()).Returns("$argon2id$fresh");

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        user.PasswordHash.Should().Be("$argon2id$fresh");
        await _unitOfWork.Received(1).SaveChangesAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_Success_DoesNotRehash()
    {
        var user = GivenUser(TestData.User(), PasswordVerification.Success);

        await Handler().Handle(Command(), CancellationToken.None);

        user.PasswordHash.Should().Be("$argon2id$stored");
        await _hasher.DidNotReceiveWithAnyArgs().HashAsync(default!, default);
        await _unitOfWork.DidNotReceiveWithAnyArgs().SaveChangesAsync(default);
    }

    [Fact]
    public async Task Handle_Success_ResetsLockoutAndSignsInWithPwd()
    {
        var user = GivenUser(TestData.User(), PasswordVerification.Success);

        var result = await Handler().Handle(Command(rememberMe: true), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        result.Value.User.Id.Should().Be(user.Id);
        await _lockout.Received(1).ResetAsync(Email, Arg.Any<CancellationToken>());
        await _sessions.Received(1).SignInAsync(
            user,
            Arg.Is<IReadOnlyList<string>>(amr => amr.SequenceEqual(new[] { "pwd" })),
            true,
            TestData.Client,
            Arg.Any<CancellationToken>());
        // The attempt is counted before the password check, then cleared by the success.
        await _lockout.Received(1).RecordFailureAsync(Email, 5, TimeSpan.FromMinutes(15), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_LockedByAConcurrentAttemptOnceCounted_RefusesWithoutCheckingTheStoredHash()
    {
        GivenUser(TestData.User(), PasswordVerification.Success);
        _lockout.IsLockedAsync(Email, Arg.Any<CancellationToken>()).Returns(false, true);

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCredentials);
        await _hasher.Received(1).VerifyAsync(Password, null, Arg.Any<CancellationToken>());
        await _users.DidNotReceiveWithAnyArgs().FindByEmailAsync(default!, default);
        await _lockout.DidNotReceiveWithAnyArgs().ResetAsync(default!, default);
    }

    [Fact]
    public async Task Handle_SignInPolicyVetoes_ReturnsTheIssuersError()
    {
        var user = GivenUser(TestData.User(), PasswordVerification.Success);
        _sessions.SignInAsync(user, Arg.Any<IReadOnlyList<string>>(), Arg.Any<bool>(), Arg.Any<ClientInfo>(), Arg.Any<CancellationToken>())
            .Returns(Result<SignInResult>.Failure(Error.SignInNotAllowed));

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.SignInNotAllowed);
    }
}
