using FullAuth.Domain.Roles;

namespace FullAuth.Domain.UnitTests;

public sealed class RoleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Grants_Wildcard_CoversEveryPermission()
    {
        var role = new Role(Role.Admin, null, [Role.Wildcard], Now);

        role.Grants("reports:read").Should().BeTrue();
        role.Grants("anything:at-all").Should().BeTrue();
    }

    [Fact]
    public void Grants_ListedPermission_OnlyThatOne()
    {
        var role = new Role("reader", null, ["reports:read"], Now);

        role.Grants("reports:read").Should().BeTrue();
        role.Grants("reports:write").Should().BeFalse();
        role.Grants("Reports:Read").Should().BeFalse();
    }

    [Fact]
    public void Grants_PermissionNamedLikeAPrefix_DoesNotMatchByPrefix() =>
        new Role("reader", null, ["reports"], Now).Grants("reports:read").Should().BeFalse();

    [Fact]
    public void Constructor_Permissions_AreDeduplicatedAndSorted() =>
        new Role("r", null, ["b", "a", "b"], Now).Permissions.Should().Equal("a", "b");

    [Fact]
    public void IsBuiltIn_OnlyForAdmin()
    {
        new Role(Role.Admin, null, [], Now).IsBuiltIn.Should().BeTrue();
        new Role("editor", null, [], Now).IsBuiltIn.Should().BeFalse();
    }

    [Fact]
    public void Update_NullMembers_LeaveThemUnchanged()
    {
        var role = new Role("r", "desc", ["a"], Now);

        role.Update(null, null);

        role.Description.Should().Be("desc");
        role.Permissions.Should().Equal("a");
    }
}
