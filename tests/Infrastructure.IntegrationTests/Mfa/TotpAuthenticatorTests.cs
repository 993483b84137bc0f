using System.Text;
using FullAuth.Infrastructure.Mfa;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace FullAuth.Infrastructure.IntegrationTests.Mfa;

/// <summary>The RFC 6238 window (±1 step of 30 s) and the replay rule, on a fake clock.</summary>
public sealed class TotpAuthenticatorTests
{
    // RFC 6238 appendix B: the SHA-1 seed "12345678901234567890"; its 8-digit codes end in these 6 digits.
    private static readonly string Rfc6238Secret = Base32Encoding.ToString(Encoding.ASCII.GetBytes("12345678901234567890"));

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_111_111_109));

    private TotpAuthenticator Authenticator() => new(_clock);

    private static long StepOf(long unixSeconds) => unixSeconds / 30;

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1_111_111_109, "081804")]
    [InlineData(1_111_111_111, "050471")]
    [InlineData(1_234_567_890, "005924")]
    [InlineData(2_000_000_000, "279037")]
    public void Match_Rfc6238TestVector_ReturnsItsTimeStep(long unixSeconds, string code)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        new TotpAuthenticator(clock).Match(Rfc6238Secret, code, lastUsedStep: null).Should().Be(StepOf(unixSeconds));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void Match_CodeOfAStepWithinOneOfNow_IsAccepted(int offset)
    {
        var authenticator = Authenticator();
        var now = _clock.GetUtcNow();
        var code = CodeAt(now.AddSeconds(30 * offset));

        authenticator.Match(Rfc6238Secret, code, null).Should().Be(StepOf(now.ToUnixTimeSeconds()) + offset);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(2)]
    [InlineData(-10)]
    public void Match_CodeOfAStepTwoOrMoreAway_IsRefused(int offset)
    {
        var code = CodeAt(_clock.GetUtcNow().AddSeconds(30 * offset));

        Authenticator().Match(Rfc6238Secret, code, null).Should().BeNull();
    }

    [Fact]
    public void Match_SameCodeAgainWithinItsWindow_IsRefusedAsReplay()
    {
        var authenticator = Authenticator();
        var code = CodeAt(_clock.GetUtcNow());
        var step = authenticator.Match(Rfc6238Secret, code, null);

        _clock.Advance(TimeSpan.FromSeconds(20));
        var replay = authenticator.Match(Rfc6238Secret, code, lastUsedStep: step);

        step.Should().NotBeNull();
        replay.Should().BeNull();
    }

    [Fact]
    public void Match_CodeOfAnEarlierStepThanTheLastUsed_IsRefused()
    {
        var now = _clock.GetUtcNow();
        var currentStep = StepOf(now.ToUnixTimeSeconds());

        var previous = Authenticator().Match(Rfc6238Secret, CodeAt(now.AddSeconds(-30)), lastUsedStep: currentStep);
        var next = Authenticator().Match(Rfc6238Secret, CodeAt(now.AddSeconds(30)), lastUsedStep: currentStep);

        previous.Should().BeNull();
        next.Should().Be(currentStep + 1);
    }

    [Fact]
    public void Match_AfterTheClockMovesPastTheWindow_OldCodeIsRefused()
    {
        var authenticator = Authenticator();
        var code = CodeAt(_clock.GetUtcNow());

        _clock.Advance(TimeSpan.FromSeconds(61));

        authenticator.Match(Rfc6238Secret, code, null).Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("abcdef")]
    [InlineData("０８１８０４")]
    public void Match_MalformedCode_IsRefused(string code) =>
        Authenticator().Match(Rfc6238Secret, code, null).Should().BeNull();

    [Fact]
    public void Match_CodeWithSpaces_IsAccepted() =>
        Authenticator().Match(Rfc6238Secret, "081 804", null).Should().Be(StepOf(1_111_111_109));

    [Fact]
    public void NewSecret_Is160BitsOfBase32AndRandom()
    {
        var first = Authenticator().NewSecret();
        var second = Authenticator().NewSecret();

        first.Should().MatchRegex("^[A-Z2-7]{32}$");
        Base32Encoding.ToBytes(first).Should().HaveCount(20);
        second.Should().NotBe(first);
    }

    [Fact]
    public void OtpAuthUri_NamesIssuerAccountAndParameters()
    {
        var uri = Authenticator().OtpAuthUri("Acme & Co", "alice@example.com", "JBSWY3DPEHPK3PXP");

        uri.Should().Be("otpauth://totp/Acme%20%26%20Co:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme%20%26%20Co&algorithm=SHA1&digits=6&period=30");
    }

    private static string CodeAt(DateTimeOffset at) => new Totp(Encoding.ASCII.GetBytes("12345678901234567890")).ComputeTotp(at.UtcDateTime);
}
