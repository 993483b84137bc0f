using FullAuth.Application.Account.DeleteMe;
using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.UnitTests.Support;
using FullAuth.Domain.Roles;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace FullAuth.Application.UnitTests.Account;

public sealed class DeleteMeCommandHandlerTests
{
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly ILockoutStore _lockout = Substitute.For<ILockoutStore>();
    private readonly ISessionRevoker _revoker = Substitute.For<ISessionRevoker>();
    private readonly IPublisher _publisher = Substitute.For<IPublisher>();
    private readonly FakeTimeProvider _time = TestData.Time();

    private DeleteMeCommandHandler Handler()
    {
        var reauthentication = new Reauthentication(
            _hasher,
            _lockout,
            Microsoft.Extensions.Options.Options.Create(new LockoutOptions()),
            Microsoft.Extensions.Options.Options.Create(new SecurityOptions { ReauthenticationWindow = TimeSpan.FromMinutes(5) }),
            _time,
            NullLoggerFactory.Instance);
        return new DeleteMeCommandHandler(_users, _unitOfWork, reauthentication, _revoker, _publisher, _time);
    }

    private User GivenUser(User user)
    {
        _users.FindByIdAsync(user.Id, Arg.Any<CancellationToken>()).Returns(user);
        return user;
    }

    private async Task ShouldNotDeleteAsync()
    {
        _users.DidNotReceiveWithAnyArgs().Remove(default!);
        await _revoker.DidNotReceiveWithAnyArgs().RevokeAllAsync(default!, default, default!, default);
        await _unitOfWork.DidNotReceiveWithAnyArgs().SaveChangesAsync(default);
    }

    [Fact]
    public async Task Handle_LastActiveAdmin_ReturnsLastAdmin()
    {
        var admin = GivenUser(TestData.Admin());
        _users.CountActiveWithRoleAsync(Role.Admin, Arg.Any<CancellationToken>()).Returns(1);

        var result = await Handler().Handle(new DeleteMeCommand(TestData.Caller(admin), null), CancellationToken.None);

        result.Error.Should().Be(Error.LastAdmin);
        await ShouldNotDeleteAsync();
    }

    [Fact]
    public async Task Handle_AdminWithAnotherAdmin_Deletes()
    {
        var admin = GivenUser(TestData.Admin());
        _users.CountActiveWithRoleAsync(Role.Admin, Arg.Any<CancellationToken>()).Returns(2);

        var result = await Handler().Handle(new DeleteMeCommand(TestData.Caller(admin), null), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        _users.Received(1).Remove(admin);
    }

    [Fact]
    public async Task Handle_StaleAuthTimeWithoutPassword_ReturnsReauthenticationRequired()
    {
        var user = GivenUser(TestData.User());
        var caller = TestData.Caller(user, authTime: TestData.Now.AddMinutes(-10));

        var result = await Handler().Handle(new DeleteMeCommand(caller, null), CancellationToken.None);

        result.Error.Should().Be(Error.ReauthenticationRequired);
        await ShouldNotDeleteAsync();
    }

    [Fact]
    public async Task Handle_StaleAuthTimeWithCorrectPassword_Deletes()
    {
        var user = GivenUser(TestData.User());
        _hasher.VerifyAsync("pw", user.PasswordHash, Arg.Any<CancellationToken>()).Returns(PasswordVerification.Success);
        var caller = TestData.Caller(user, authTime: TestData.Now.AddMinutes(-10));

        var result = await Handler().Handle(new DeleteMeCommand(caller, "pw"), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task Handle_WrongPassword_ReturnsInvalidCurrentPassword()
    {
        var user = GivenUser(TestData.User());
        _hasher.VerifyAsync("bad", user.PasswordHash, Arg.Any<CancellationToken>()).Returns(PasswordVerification.Failed);

        var result = await Handler().Handle(new DeleteMeCommand(TestData.Caller(user), "bad"), CancellationToken.None);

        result.Error.Should().Be(Error.InvalidCurrentPassword);
        await ShouldNotDeleteAsync();
    }

    [Fact]
    public async Task Handle_RecentAuth_RevokesEverySessionRemovesAndPublishes()
    {
        var user = GivenUser(TestData.User());

        var result = await Handler().Handle(new DeleteMeCommand(TestData.Caller(user, authTime: TestData.Now.AddMinutes(-1)), null), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        await _revoker.Received(1).RevokeAllAsync(user.Id, null, "account_deleted", Arg.Any<CancellationToken>());
        _users.Received(1).Remove(user);
        await _unitOfWork.Received(1).SaveChangesAsync(Arg.Any<CancellationToken>());
        await _publisher.Received(1).Publish(Arg.Is<UserDeleted>(e => e.UserId == user.Id && e.Email == user.Email), Arg.Any<CancellationToken>());
        await _users.DidNotReceiveWithAnyArgs().CountActiveWithRoleAsync(default!, default);
    }
}
