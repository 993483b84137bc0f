using FullAuth.Application.Auth.Register;
using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.UnitTests.Support;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace FullAuth.Application.UnitTests.Auth;

public sealed class RegisterCommandHandlerTests
{
    private const string Email = "bob@example.com";
    private const string Password = "a long enough password";

    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly ISessionIssuer _sessions = Substitute.For<ISessionIssuer>();
    private readonly IPublisher _publisher = Substitute.For<IPublisher>();
    private readonly FullAuthOptions _options = new() { PreventEnumeration = true };
    private readonly RegistrationOptions _registration = new();

    public RegisterCommandHandlerTests()
    {
        _hasher.HashAsync(Password, Arg.Any<CancellationToken>()).Returns("$argon2id$new");
        _sessions.SignInAsync(Arg.Any<User>(), Arg.Any<IReadOnlyList<string>>(), Arg.Any<bool>(), Arg.Any<ClientInfo>(), Arg.Any<CancellationToken>())
            .Returns(ci => Result<SignInResult>.Success(TestData.SignIn(ci.Arg<User>())));
    }

    private RegisterCommandHandler Handler() => new(
        _users,
        _unitOfWork,
        _hasher,
        _sessions,
        _publisher,
        Microsoft.Extensions.Options.Options.Create(_options),
        Microsoft.Extensions.Options.Options.Create(_registration),
        TestData.Time(),
        NullLoggerFactory.Instance);

    private static RegisterCommand Command() => new(" Bob@Example.com ", Password, "Bob", TestData.Client);

    [Fact]
    public async Task Handle_PreventionOnAndDuplicate_AcceptsPublishesAndStillHashes()
    {
        var existing = TestData.User(Email);
        _users.FindByEmailAsync(Email, Arg.Any<CancellationToken>()).Returns(existing);

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Value.Outcome.Should().Be(RegisterOutcome.Accepted);
        result.Value.SignIn.Should().BeNull();
        result.Value.User.Should().BeNull();
        await _hasher.Received(1).HashAsync(Password, Arg.Any<CancellationToken>());
        await _publisher.Received(1).Publish(
            Arg.Is<RegistrationAttemptedForExistingEmail>(e => e.UserId == existing.Id && e.Email == Email),
            Arg.Any<CancellationToken>());
        _users.DidNotReceiveWithAnyArgs().Add(default!);
        await _unitOfWork.DidNotReceiveWithAnyArgs().SaveChangesAsync(default);
    }

    [Fact]
    public async Task Handle_PreventionOnAndNewEmail_AcceptsWithoutSigningIn()
    {
        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Value.Outcome.Should().Be(RegisterOutcome.Accepted);
        _users.Received(1).Add(Arg.Is<User>(u => u.Email == Email && u.PasswordHash == "$argon2id$new" && u.Name == "Bob"));
        await _publisher.Received(1).Publish(Arg.Is<UserRegistered>(e => e.Email == Email), Arg.Any<CancellationToken>());
        await _sessions.DidNotReceiveWithAnyArgs().SignInAsync(default!, default!, default, default!, default);
    }

    [Fact]
    public async Task Handle_PreventionOffAndDuplicate_ReturnsConflict()
    {
        _options.PreventEnumeration = false;
        _users.FindByEmailAsync(Email, Arg.Any<CancellationToken>()).Returns(TestData.User(Email));

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.Conflict);
        await _publisher.DidNotReceiveWithAnyArgs().Publish<RegistrationAttemptedForExistingEmail>(default!, default);
    }

    [Fact]
    public async Task Handle_RegistrationAliasOverridesTopLevelPrevention_ReturnsConflict()
    {
        _options.PreventEnumeration = true;
        _registration.PreventEnumeration = false;
        _users.FindByEmailAsync(Email, Arg.Any<CancellationToken>()).Returns(TestData.User(Email));

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.Conflict);
    }

    [Fact]
    public async Task Handle_DuplicateKeyOnSaveWithPreventionOn_AnswersLikeADuplicate()
    {
        var winner = TestData.User(Email);
        _users.FindByEmailAsync(Email, Arg.Any<CancellationToken>()).Returns((User?)null, winner);
        _unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new DuplicateKeyException("duplicate"));

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Value.Outcome.Should().Be(RegisterOutcome.Accepted);
        await _publisher.Received(1).Publish(Arg.Is<RegistrationAttemptedForExistingEmail>(e => e.UserId == winner.Id), Arg.Any<CancellationToken>());
        await _publisher.DidNotReceiveWithAnyArgs().Publish<UserRegistered>(default!, default);
    }

    [Fact]
    public async Task Handle_DuplicateKeyOnSaveWithPreventionOff_ReturnsConflict()
    {
        _options.PreventEnumeration = false;
        _users.FindByEmailAsync(Email, Arg.Any<CancellationToken>()).Returns((User?)null, TestData.User(Email));
        _unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new DuplicateKeyException("duplicate"));

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.Conflict);
        await _sessions.DidNotReceiveWithAnyArgs().SignInAsync(default!, default!, default, default!, default);
    }

    [Fact]
    public async Task Handle_DuplicateKeyOnSaveAndWinnerGone_ReturnsConflict()
    {
        _users.FindByEmailAsync(Email, Arg.Any<CancellationToken>()).Returns((User?)null);
        _unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new DuplicateKeyException("duplicate"));

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.Conflict);
    }

    [Fact]
    public async Task Handle_RegistrationDisabled_ReturnsForbiddenWithoutWork()
    {
        _registration.Enabled = false;

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.Forbidden);
        await _hasher.DidNotReceiveWithAnyArgs().HashAsync(default!, default);
        _users.DidNotReceiveWithAnyArgs().Add(default!);
    }

    [Fact]
    public async Task Handle_RequireVerifiedEmail_CreatesWithoutSigningIn()
    {
        _options.PreventEnumeration = false;
        _registration.RequireVerifiedEmail = true;

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Value.Outcome.Should().Be(RegisterOutcome.Created);
        result.Value.User!.Email.Should().Be(Email);
        result.Value.User.EmailVerified.Should().BeFalse();
        result.Value.SignIn.Should().BeNull();
        await _unitOfWork.Received(1).SaveChangesAsync(Arg.Any<CancellationToken>());
        await _sessions.DidNotReceiveWithAnyArgs().SignInAsync(default!, default!, default, default!, default);
    }

    [Fact]
    public async Task Handle_PreventionOffAndNewEmail_SignsInWithPwd()
    {
        _options.PreventEnumeration = false;

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Value.Outcome.Should().Be(RegisterOutcome.SignedIn);
        result.Value.SignIn!.User.Email.Should().Be(Email);
        await _sessions.Received(1).SignInAsync(
            Arg.Is<User>(u => u.Email == Email),
            Arg.Is<IReadOnlyList<string>>(amr => amr.SequenceEqual(new[] { "pwd" })),
            false,
            TestData.Client,
            Arg.Any<CancellationToken>());
    }
}
