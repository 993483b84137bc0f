using FullAuth.Domain.Users;

namespace FullAuth.Domain.UnitTests;

public sealed class UserMfaTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EnableTotp_WithPendingSecret_MakesItActiveAndRecordsTheStep()
    {
        var user = new User("u1", "a@example.com", null, Now);
        user.SetPendingTotpSecret("protected-1", Now);

        user.EnableTotp(42, Now);

        user.MfaEnabled.Should().BeTrue();
        user.TotpSecret.Should().Be("protected-1");
        user.PendingTotpSecret.Should().BeNull();
        user.TotpLastUsedStep.Should().Be(42);
    }

    [Fact]
    public void EnableTotp_WithoutPendingSecret_Throws()
    {
        var user = new User("u1", "a@example.com", null, Now);

        var enable = () => user.EnableTotp(1, Now);

        enable.Should().Throw<InvalidOperationException>();
        user.MfaEnabled.Should().BeFalse();
    }

    [Fact]
    public void SetPendingTotpSecret_Again_ReplacesTheEarlierOne()
    {
        var user = new User("u1", "a@example.com", null, Now);
        user.SetPendingTotpSecret("first", Now);

        user.SetPendingTotpSecret("second", Now);
        user.EnableTotp(1, Now);

        user.TotpSecret.Should().Be("second");
    }

    [Fact]
    public void DisableMfa_ForgetsEverySecretAndTheLastStep()
    {
        var user = new User("u1", "a@example.com", null, Now);
        user.SetPendingTotpSecret("protected-1", Now);
        user.EnableTotp(42, Now);
        user.SetPendingTotpSecret("protected-2", Now);
        var version = user.Version;

        user.DisableMfa(Now);

        user.MfaEnabled.Should().BeFalse();
        user.TotpSecret.Should().BeNull();
        user.PendingTotpSecret.Should().BeNull();
        user.TotpLastUsedStep.Should().BeNull();
        user.Version.Should().BeGreaterThan(version);
    }

    [Fact]
    public void ClearCredentials_PreAccountTakeover_DropsPasswordAndTotp()
    {
        var user = new User("u1", "a@example.com", null, Now);
        user.SetPasswordHash("hash", Now);
        user.SetPendingTotpSecret("attacker-secret", Now);
        user.EnableTotp(7, Now);

        user.ClearCredentials(Now);

        user.PasswordHash.Should().BeNull();
        user.MfaEnabled.Should().BeFalse();
        user.TotpSecret.Should().BeNull();
        user.TotpLastUsedStep.Should().BeNull();
    }
}
