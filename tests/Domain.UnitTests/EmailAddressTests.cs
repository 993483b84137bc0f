using FullAuth.Domain.Users;

namespace FullAuth.Domain.UnitTests;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("a@example.com", true)]
    [InlineData("  A@Example.COM ", true)]
    [InlineData("no-at-sign", false)]
    [InlineData("two@@example.com", false)]
    [InlineData("a@b@example.com", false)]
    [InlineData("@example.com", false)]
    [InlineData("a@", false)]
    [InlineData("sp ace@example.com", false)]
    [InlineData("ctrl\u0001@example.com", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_FollowsContractRules(string? email, bool expected) =>
        EmailAddress.IsValid(email).Should().Be(expected);

    [Fact]
    public void IsValid_MoreThan254Characters_IsFalse() =>
        EmailAddress.IsValid(new string('a', 250) + "@x.io").Should().BeFalse();

    [Fact]
    public void Normalize_TrimsAndLowerCases() =>
        EmailAddress.Normalize("  Alice@Example.COM ").Should().Be("alice@example.com");
}
