using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Mfa;
using FullAuth.Application.Common.Options;
using FullAuth.Application.UnitTests.Support;
using FullAuth.Domain.Users;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace FullAuth.Application.UnitTests.Mfa;

public sealed class SecondFactorTests
{
    private readonly ITotpAuthenticator _totp = Substitute.For<ITotpAuthenticator>();
    private readonly ISecretProtector _protector = Substitute.For<ISecretProtector>();
    private readonly IMfaRepository _repository = Substitute.For<IMfaRepository>();
    private readonly ILockoutStore _lockout = Substitute.For<ILockoutStore>();
    private readonly LockoutOptions _lockoutOptions = new();
    private readonly User _user = TestData.User();

    public SecondFactorTests()
    {
        _user.SetPendingTotpSecret("protected", TestData.Now);
        _user.EnableTotp(100, TestData.Now);
        _protector.Unprotect("protected").Returns("SECRET");
    }

    private SecondFactor Factor() => new(
        _totp, _protector, _repository, _lockout, Microsoft.Extensions.Options.Options.Create(_lockoutOptions), TestData.Time(), NullLoggerFactory.Instance);

    [Fact]
    public async Task VerifyTotpAsync_MatchingCode_AdvancesTheStepAndClearsTheCounter()
    {
        _totp.Match("SECRET", "123456", 100).Returns(101L);
        _repository.TryAdvanceTotpStepAsync(_user.Id, 101, Arg.Any<CancellationToken>()).Returns(true);

        var check = await Factor().VerifyTotpAsync(_user, "123456", CancellationToken.None);

        check.Should().Be(CodeCheck.Accepted);
        await _lockout.Received(1).ResetAsync("mfa:" + _user.Id, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task VerifyTotpAsync_LostTheRaceForTheStep_IsWrongAndCounted()
    {
        _totp.Match("SECRET", "123456", 100).Returns(101L);
        _repository.TryAdvanceTotpStepAsync(_user.Id, 101, Arg.Any<CancellationToken>()).Returns(false);

        var check = await Factor().VerifyTotpAsync(_user, "123456", CancellationToken.None);

        check.Should().Be(CodeCheck.Wrong);
        await _lockout.Received(1).RecordFailureAsync("mfa:" + _user.Id, 5, _lockoutOptions.Duration, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task VerifyTotpAsync_FailureThatLocks_IsWrongNowLocked()
    {
        _totp.Match(default!, default!, default).ReturnsForAnyArgs((long?)null);
        _lockout.RecordFailureAsync("mfa:" + _user.Id, 5, Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>()).Returns(true);

        (await Factor().VerifyTotpAsync(_user, "000000", CancellationToken.None)).Should().Be(CodeCheck.WrongNowLocked);
    }

    [Fact]
    public async Task VerifyTotpAsync_WhileLocked_ChecksNothing()
    {
        _lockout.IsLockedAsync("mfa:" + _user.Id, Arg.Any<CancellationToken>()).Returns(true);

        var check = await Factor().VerifyTotpAsync(_user, "123456", CancellationToken.None);

        check.Should().Be(CodeCheck.Locked);
        _totp.DidNotReceiveWithAnyArgs().Match(default!, default!, default);
        await _repository.DidNotReceiveWithAnyArgs().TryAdvanceTotpStepAsync(default!, default, default);
    }

    [Fact]
    public async Task UseRecoveryCodeAsync_UsesTheDigestOfTheNormalizedCode()
    {
        _repository.TryUseRecoveryCodeAsync(_user.Id, RecoveryCodes.Digest("abcd-efgh-jkmn-pqrs"), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(true);

        var check = await Factor().UseRecoveryCodeAsync(_user, " ABCD EFGH-JKMN pqrs", CancellationToken.None);

        check.Should().Be(CodeCheck.Accepted);
    }

    [Fact]
    public async Task UseRecoveryCodeAsync_UnknownOrUsedCode_IsWrongAndCounted()
    {
        var check = await Factor().UseRecoveryCodeAsync(_user, "abcd-efgh-jkmn-pqrs", CancellationToken.None);

        check.Should().Be(CodeCheck.Wrong);
        await _lockout.Received(1).RecordFailureAsync("mfa:" + _user.Id, 5, Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public void RecoveryCodes_Generate_Returns10DistinctCodesOf80Bits()
    {
        var codes = RecoveryCodes.Generate();

        codes.Should().HaveCount(10).And.OnlyHaveUniqueItems();
        codes.Should().OnlyContain(c => c.Length == 19 && RecoveryCodes.Normalize(c).Length == 16);
    }
}
