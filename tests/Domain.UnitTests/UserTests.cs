using FullAuth.Domain.Common;
using FullAuth.Domain.Users;

namespace FullAuth.Domain.UnitTests;

public sealed class UserTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static User NewUser() => new("u1", "  Alice@Example.COM ", "Alice", Created);

    [Fact]
    public void Constructor_NormalizesEmailAndStartsActiveUnverifiedWithoutPassword()
    {
        var user = NewUser();

        user.Email.Should().Be("alice@example.com");
        user.IsActive.Should().BeTrue();
        user.EmailVerified.Should().BeFalse();
        user.HasPassword.Should().BeFalse();
        user.UpdatedAt.Should().Be(Created);
        user.Version.Should().Be(0);
    }

    [Fact]
    public void AddRole_Twice_KeepsOneMembership()
    {
        var user = NewUser();

        user.AddRole("admin", Created);
        user.AddRole("admin", Created);

        user.Roles.Should().ContainSingle().Which.UserId.Should().Be("u1");
        user.HasRole("admin").Should().BeTrue();
    }

    [Fact]
    public void RoleNames_AreSortedOrdinally()
    {
        var user = NewUser();
        user.AddRole("zeta", Created);
        user.AddRole("alpha", Created);

        user.RoleNames.Should().Equal("alpha", "zeta");
    }

    [Fact]
    public void RemoveRole_RemovesMembership()
    {
        var user = NewUser();
        user.AddRole("editor", Created);

        user.RemoveRole("editor");

        user.HasRole("editor").Should().BeFalse();
        user.Roles.Should().BeEmpty();
    }

    [Fact]
    public void SetPasswordHash_SetsHashBumpsVersionAndTouches()
    {
        var user = NewUser();
        var later = Created.AddHours(1);

        user.SetPasswordHash("$argon2id$x", later);

        user.PasswordHash.Should().Be("$argon2id$x");
        user.HasPassword.Should().BeTrue();
        user.Version.Should().Be(1);
        user.UpdatedAt.Should().Be(later);

        user.SetPasswordHash("$argon2id$y", later.AddHours(1));
        user.Version.Should().Be(2);
    }

    [Fact]
    public void UpdateProfile_AbsentMembers_AreUnchanged()
    {
        var user = NewUser();
        user.UpdateProfile(Optional<string?>.Absent, Optional<string?>.Of("https://x.example/a.png"), Created);

        user.UpdateProfile(Optional<string?>.Absent, Optional<string?>.Absent, Created.AddMinutes(1));

        user.Name.Should().Be("Alice");
        user.Image.Should().Be("https://x.example/a.png");
    }

    [Fact]
    public void UpdateProfile_NullValue_ClearsTheMember()
    {
        var user = NewUser();

        user.UpdateProfile(Optional<string?>.Of(null), Optional<string?>.Absent, Created.AddMinutes(1));

        user.Name.Should().BeNull();
    }

    [Fact]
    public void UpdateProfile_Value_SetsTheMemberAndTouches()
    {
        var user = NewUser();
        var later = Created.AddMinutes(5);

        user.UpdateProfile(Optional<string?>.Of("Alicia"), Optional<string?>.Absent, later);

        user.Name.Should().Be("Alicia");
        user.Image.Should().BeNull();
        user.UpdatedAt.Should().Be(later);
    }

    [Fact]
    public void SetActiveAndMarkEmailVerified_ChangeState()
    {
        var user = NewUser();

        user.SetActive(false, Created);
        user.MarkEmailVerified(Created);

        user.IsActive.Should().BeFalse();
        user.EmailVerified.Should().BeTrue();
    }
}
