using FullAuth.Application.Common.Options;
using FullAuth.Infrastructure.Security;

namespace FullAuth.Infrastructure.IntegrationTests.Security;

public sealed class PasswordPolicyTests
{
    private static PasswordPolicy Policy(string hasher = "argon2id", int min = 8, int max = 128) =>
        new(Microsoft.Extensions.Options.Options.Create(new PasswordOptions { Hasher = hasher, MinLength = min, MaxLength = max }));

    [Fact]
    public void Check_StrongPassword_IsAccepted() => Policy().Check("violet-tractor-harbour-91").Should().BeNull();

    [Fact]
    public void Check_ShorterThanMin_IsRefused() => Policy(min: 10).Check("nine-char").Should().Contain("at least 10");

    [Fact]
    public void Check_ExactlyMin_IsAccepted() => Policy(min: 10).Check("ten-chars!").Should().BeNull();

    [Fact]
    public void Check_LongerThanMax_IsRefused() => Policy(max: 20).Check(new string('q', 21)).Should().Contain("at most 20");

    [Fact]
    public void Check_ExactlyMax_IsAccepted() => Policy(max: 20).Check("zq9-" + new string('q', 16)).Should().BeNull();

    [Theory]
    [InlineData("password123")]
    [InlineData("Password123")]
    [InlineData("PASSWORD123")]
    [InlineData("  password123  ")]
    [InlineData("1q2w3e4r5t")]
    [InlineData("QWERTYUIOP")]
    public void Check_CommonPasswordAnyCaseOrPadding_IsRefused(string password) =>
        Policy().Check(password).Should().Contain("too common");

    [Fact]
    public void Check_72BytesUnderBcrypt_IsAccepted() => Policy("bcrypt").Check(new string('é', 36)).Should().BeNull();

    [Fact]
    public void Check_Over72BytesUnderBcrypt_IsRefused() => Policy("bcrypt").Check(new string('é', 37)).Should().Contain("72 bytes");

    [Fact]
    public void Check_Over72BytesUnderArgon2id_IsAccepted() => Policy("argon2id").Check(new string('é', 37)).Should().BeNull();
}
