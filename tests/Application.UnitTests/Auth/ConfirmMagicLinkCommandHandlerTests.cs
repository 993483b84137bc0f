using FullAuth.Application.Auth.ConfirmMagicLink;
using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.Common.Tokens;
using FullAuth.Application.UnitTests.Support;
using FullAuth.Domain.Sessions;
using FullAuth.Domain.Tokens;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace FullAuth.Application.UnitTests.Auth;

public sealed class ConfirmMagicLinkCommandHandlerTests
{
    private const string RawToken = "raw-magic-token";

    private readonly IOneTimeTokens _tokens = Substitute.For<IOneTimeTokens>();
    private readonly IChallengeStore _challenges = Substitute.For<IChallengeStore>();
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly ICredentialRepository _credentials = Substitute.For<ICredentialRepository>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly ISessionIssuer _sessions = Substitute.For<ISessionIssuer>();
    private readonly ISessionRevoker _revoker = Substitute.For<ISessionRevoker>();
    private readonly IPublisher _publisher = Substitute.For<IPublisher>();
    private readonly MagicLinksOptions _options = new() { Enabled = true };
    private readonly RegistrationOptions _registration = new();

    private ConfirmMagicLinkCommandHandler Handler() => new(
        _tokens,
        _challenges,
        _users,
        _credentials,
        _unitOfWork,
        _sessions,
        _revoker,
        _publisher,
        Microsoft.Extensions.Options.Options.Create(_options),
        Microsoft.Extensions.Options.Options.Create(_registration),
        TestData.Time(),
        NullLoggerFactory.Instance);

    private static ConfirmMagicLinkCommand Command() => new(RawToken, TestData.Client);

    private User GivenToken(User user, string purpose = TokenPurposes.MagicLink, string? mailedTo = null)
    {
        var token = new OneTimeToken("t1", user.Id, purpose, "digest", mailedTo ?? user.Email, TestData.Now, TestData.Now.AddMinutes(15));
        _tokens.RedeemAsync(RawToken, Arg.Is<IReadOnlyCollection<string>>(p => p.Contains(TokenPurposes.MagicLink) && p.Contains(TokenPurposes.MagicLinkRememberMe)), Arg.Any<CancellationToken>())
            .Returns(Result<OneTimeToken>.Success(token));
        _users.FindByIdAsync(user.Id, Arg.Any<CancellationToken>()).Returns(user);
        _sessions.SignInAsync(Arg.Any<User>(), Arg.Any<IReadOnlyList<string>>(), Arg.Any<bool>(), Arg.Any<ClientInfo>(), Arg.Any<CancellationToken>())
            .Returns(ci => Result<SignInResult>.Success(TestData.SignIn(ci.Arg<User>())));
        return user;
    }

    [Fact]
    public async Task Handle_VerifiedAccount_SignsInWithAmrEmailAndTheRememberMeOfThePurpose()
    {
        var user = GivenToken(TestData.User(), TokenPurposes.MagicLinkRememberMe);

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        await _sessions.Received(1).SignInAsync(user, Arg.Is<IReadOnlyList<string>>(a => a.SequenceEqual(new[] { AuthMethods.Email })), true, TestData.Client, Arg.Any<CancellationToken>());
        await _credentials.DidNotReceive().RemoveExternalCredentialsAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
        await _revoker.DidNotReceive().RevokeAllAsync(Arg.Any<string>(), Arg.Any<string?>(), Arg.Any<string>(), Arg.Any<CancellationToken>());
        user.HasPassword.Should().BeTrue();
    }

    [Fact]
    public async Task Handle_UnverifiedAccount_DropsPasswordProvidersPasskeysAndSessions_ThenVerifies()
    {
        var user = GivenToken(TestData.User(verified: false));

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        user.HasPassword.Should().BeFalse();
        user.EmailVerified.Should().BeTrue();
        await _credentials.Received(1).RemoveExternalCredentialsAsync(user.Id, Arg.Any<CancellationToken>());
        await _revoker.Received(1).RevokeAllAsync(user.Id, Arg.Is<string?>(s => s == null), Arg.Any<string>(), Arg.Any<CancellationToken>());
        await _publisher.Received(1).Publish(Arg.Is<EmailVerified>(e => e.UserId == user.Id), Arg.Any<CancellationToken>());
        Received.InOrder(() =>
        {
            _revoker.RevokeAllAsync(user.Id, Arg.Is<string?>(s => s == null), Arg.Any<string>(), Arg.Any<CancellationToken>());
            _sessions.SignInAsync(user, Arg.Any<IReadOnlyList<string>>(), false, Arg.Any<ClientInfo>(), Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task Handle_InactiveAccount_InvalidTokenAndNoSignIn()
    {
        GivenToken(TestData.User(active: false));

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidToken);
        await _sessions.DidNotReceive().SignInAsync(Arg.Any<User>(), Arg.Any<IReadOnlyList<string>>(), Arg.Any<bool>(), Arg.Any<ClientInfo>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_AccountChangedItsAddressSinceTheLink_InvalidToken()
    {
        GivenToken(TestData.User(), mailedTo: "old@example.com");

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidToken);
    }

    [Fact]
    public async Task Handle_SignUpLinkWhenAccountExistsNow_InvalidTokenAndNothingCreated()
    {
        _options.AllowSignUp = true;
        _tokens.RedeemAsync(RawToken, Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<CancellationToken>()).Returns(Result<OneTimeToken>.Failure(Error.InvalidToken));
        _challenges.TakeAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns("1bob@example.com");
        _users.FindByEmailAsync("bob@example.com", Arg.Any<CancellationToken>()).Returns(TestData.User("bob@example.com"));

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidToken);
        _users.DidNotReceive().Add(Arg.Any<User>());
    }

    [Fact]
    public async Task Handle_SignUpLink_CreatesVerifiedPasswordlessAccountWithRememberMe()
    {
        _options.AllowSignUp = true;
        _tokens.RedeemAsync(RawToken, Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<CancellationToken>()).Returns(Result<OneTimeToken>.Failure(Error.InvalidToken));
        _challenges.TakeAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns("1bob@example.com");
        _sessions.SignInAsync(Arg.Any<User>(), Arg.Any<IReadOnlyList<string>>(), Arg.Any<bool>(), Arg.Any<ClientInfo>(), Arg.Any<CancellationToken>())
            .Returns(ci => Result<SignInResult>.Success(TestData.SignIn(ci.Arg<User>())));

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        _users.Received(1).Add(Arg.Is<User>(u => u.Email == "bob@example.com" && u.EmailVerified && !u.HasPassword));
        await _sessions.Received(1).SignInAsync(Arg.Any<User>(), Arg.Any<IReadOnlyList<string>>(), true, Arg.Any<ClientInfo>(), Arg.Any<CancellationToken>());
        await _publisher.Received(1).Publish(Arg.Any<UserRegistered>(), Arg.Any<CancellationToken>());
        await _publisher.Received(1).Publish(Arg.Any<EmailVerified>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_SignUpLinkWithClosedRegistration_Forbidden()
    {
        _options.AllowSignUp = true;
        _registration.Enabled = false;
        _tokens.RedeemAsync(RawToken, Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<CancellationToken>()).Returns(Result<OneTimeToken>.Failure(Error.InvalidToken));
        _challenges.TakeAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns("0bob@example.com");

        var result = await Handler().Handle(Command(), CancellationToken.None);

        result.Error.Should().Be(Error.Forbidden);
        _users.DidNotReceive().Add(Arg.Any<User>());
    }
}
