using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.OAuth.Common;
using FullAuth.Application.Passkeys.Common;
using FullAuth.Application.Passkeys.DeletePasskey;
using FullAuth.Application.UnitTests.Support;
using FullAuth.Domain.OAuth;
using FullAuth.Domain.Passkeys;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace FullAuth.Application.UnitTests.Passkeys;

/// <summary>The last-login-method rule: a passkey goes unless it is the only way into the account.</summary>
public sealed class DeletePasskeyCommandHandlerTests
{
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IPasskeyRepository _passkeys = Substitute.For<IPasskeyRepository>();
    private readonly IOAuthAccountRepository _oauth = Substitute.For<IOAuthAccountRepository>();
    private readonly IReauthentication _reauthentication = Substitute.For<IReauthentication>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly IPublisher _publisher = Substitute.For<IPublisher>();

    public DeletePasskeyCommandHandlerTests() =>
        _reauthentication.RequireAsync(Arg.Any<Caller>(), Arg.Any<User>(), null, Arg.Any<CancellationToken>()).Returns(Result.Ok);

    [Fact]
    public async Task OnlyPasskey_NoPasswordNoProvider_IsLastLoginMethod()
    {
        var (user, passkey) = Arrange(password: false, passkeys: 1, providers: 0);

        var result = await Handler().Handle(Command(user, passkey), CancellationToken.None);

        result.Error!.Code.Should().Be(OAuthErrors.LastLoginMethodCode);
        _passkeys.DidNotReceive().Remove(Arg.Any<Passkey>());
        await _unitOfWork.DidNotReceive().SaveChangesAsync(Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(true, 1, 0)]
    [InlineData(false, 2, 0)]
    [InlineData(false, 1, 1)]
    public async Task AnotherWayIn_RemovesThePasskeyAndPublishes(bool password, int passkeys, int providers)
    {
        var (user, passkey) = Arrange(password, passkeys, providers);

        var result = await Handler().Handle(Command(user, passkey), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        _passkeys.Received(1).Remove(passkey);
        await _unitOfWork.Received(1).SaveChangesAsync(Arg.Any<CancellationToken>());
        await _publisher.Received(1).Publish(Arg.Is<PasskeyRemoved>(e => e.UserId == user.Id && e.PasskeyId == passkey.Id), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task NotRecent_IsRefusedBeforeAnyLookup()
    {
        var (user, passkey) = Arrange(password: true, passkeys: 1, providers: 0);
        _reauthentication.RequireAsync(Arg.Any<Caller>(), user, null, Arg.Any<CancellationToken>()).Returns(Result.Failure(Error.ReauthenticationRequired));

        var result = await Handler().Handle(Command(user, passkey), CancellationToken.None);

        result.Error.Should().Be(Error.ReauthenticationRequired);
        await _passkeys.DidNotReceive().FindForUserAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task AnotherUsersPasskey_IsNotFound()
    {
        var (user, passkey) = Arrange(password: true, passkeys: 1, providers: 0);
        _passkeys.FindForUserAsync(user.Id, passkey.Id, Arg.Any<CancellationToken>()).Returns((Passkey?)null);

        var result = await Handler().Handle(Command(user, passkey), CancellationToken.None);

        result.Error.Should().Be(Error.NotFound);
    }

    private (User User, Passkey Passkey) Arrange(bool password, int passkeys, int providers)
    {
        var user = TestData.User(passwordHash: password ? "$argon2id$stored" : null);
        var all = Enumerable.Range(0, passkeys).Select(i => NewPasskey(user.Id, (byte)i)).ToList();
        _users.FindByIdAsync(user.Id, Arg.Any<CancellationToken>()).Returns(user);
        _passkeys.FindForUserAsync(user.Id, all[0].Id, Arg.Any<CancellationToken>()).Returns(all[0]);
        _passkeys.ListForUserAsync(user.Id, Arg.Any<CancellationToken>()).Returns(all);
        _oauth.ListForUserAsync(user.Id, Arg.Any<CancellationToken>())
            .Returns(Enumerable.Range(0, providers).Select(i => new OAuthAccount($"link-{i}", user.Id, "github", $"gh-{i}", user.Email, TestData.Now)).ToList());
        return (user, all[0]);
    }

    private static Passkey NewPasskey(string userId, byte n) =>
        new($"passkey-{n}", userId, [n, 1, 2], [0xA5], new byte[32], 0, Guid.Empty, "internal", false, false, "Key", TestData.Now);

    private static DeletePasskeyCommand Command(User user, Passkey passkey) =>
        new(new Caller(user.Id, "sid", "jti", TestData.Now, TestData.Now.AddMinutes(15)), passkey.Id);

    private DeletePasskeyCommandHandler Handler() =>
        new(_users, _passkeys, _oauth, _reauthentication, _unitOfWork, _publisher, TestData.Time(), NullLoggerFactory.Instance);
}
