using FullAuth.Domain.Sessions;

namespace FullAuth.Domain.UnitTests;

public sealed class RefreshTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static RefreshToken Start() => RefreshToken.StartSession(
        "user-1",
        "hash-1",
        Now,
        new SessionInfo(Now, Now.AddDays(30), Now.AddMinutes(-2), "pwd otp", true, "198.51.100.1", "Browser/1.0"));

    [Fact]
    public void StartSession_NewToken_FamilyIdIsItsOwnId()
    {
        var token = Start();

        token.Id.Should().NotBeNullOrEmpty();
        token.FamilyId.Should().Be(token.Id);
        token.UserId.Should().Be("user-1");
        token.TokenHash.Should().Be("hash-1");
        token.CreatedAt.Should().Be(Now);
        token.SessionCreatedAt.Should().Be(Now);
        token.UsedAt.Should().BeNull();
        token.RevokedAt.Should().BeNull();
        token.AmrValues.Should().Equal("pwd", "otp");
    }

    [Fact]
    public void StartSession_TwoSessions_GetDistinctIds() => Start().Id.Should().NotBe(Start().Id);

    [Fact]
    public void Successor_KeepsSessionFactsWithNewIdHashAndCreation()
    {
        var token = Start();
        var later = Now.AddHours(3);

        var next = token.Successor("hash-2", later, "192.0.2.9", "Other/2.0");

        next.Id.Should().NotBe(token.Id);
        next.FamilyId.Should().Be(token.FamilyId);
        next.UserId.Should().Be(token.UserId);
        next.TokenHash.Should().Be("hash-2");
        next.CreatedAt.Should().Be(later);
        next.SessionCreatedAt.Should().Be(token.SessionCreatedAt);
        next.ExpiresAt.Should().Be(token.ExpiresAt);
        next.AuthTime.Should().Be(token.AuthTime);
        next.Amr.Should().Be(token.Amr);
        next.RememberMe.Should().BeTrue();
        next.IpAddress.Should().Be("192.0.2.9");
        next.UserAgent.Should().Be("Other/2.0");
        next.UsedAt.Should().BeNull();
    }

    [Fact]
    public void Successor_ClientUnknown_KeepsLastKnownClient()
    {
        var next = Start().Successor("hash-2", Now.AddHours(1), null, null);

        next.IpAddress.Should().Be("198.51.100.1");
        next.UserAgent.Should().Be("Browser/1.0");
    }

    [Fact]
    public void IsActive_BeforeExpiry_IsTrue() => Start().IsActive(Now.AddDays(30).AddTicks(-1)).Should().BeTrue();

    [Fact]
    public void IsActive_AtExpiry_IsFalse() => Start().IsActive(Now.AddDays(30)).Should().BeFalse();

    [Fact]
    public void IsActive_Used_IsFalse()
    {
        var token = Start();
        typeof(RefreshToken).GetProperty(nameof(RefreshToken.UsedAt))!.SetValue(token, (DateTimeOffset?)Now);

        token.IsActive(Now).Should().BeFalse();
    }

    [Fact]
    public void IsActive_Revoked_IsFalse()
    {
        var token = Start();
        typeof(RefreshToken).GetProperty(nameof(RefreshToken.RevokedAt))!.SetValue(token, (DateTimeOffset?)Now);

        token.IsActive(Now).Should().BeFalse();
    }
}
