using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests.Admin;

public sealed class RolesTests : IClassFixture<FullAuthFactory>
{
    private readonly FullAuthFactory _factory;
    private readonly HttpClient _client;

    public RolesTests(FullAuthFactory factory)
    {
        _factory = factory;
        _client = factory.CreateClient();
    }

    [Fact]
    public async Task RoleCrud_AsAdmin_WorksAndIsAudited()
    {
        var admin = await _factory.AdminAsync(_client);
        var name = $"editors-{Guid.NewGuid():N}"[..20];

        var created = await _client.PostJsonAsync($"{ApiClient.Base}/roles", new { name, description = "Edit", permissions = new[] { "posts:write", "posts:read" } }, admin.AccessToken);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var role = await created.JsonAsync();
        role["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).Should().Equal("posts:read", "posts:write");

        (await _client.PostJsonAsync($"{ApiClient.Base}/roles", new { name }, admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var patched = await _client.SendJsonAsync(HttpMethod.Patch, $"{ApiClient.Base}/roles/{name}", new { permissions = new[] { "posts:read" } }, admin.AccessToken);
        patched.StatusCode.Should().Be(HttpStatusCode.OK);
        (await patched.JsonAsync())["permissions"]!.AsArray().Should().HaveCount(1);

        var list = await (await _client.GetAsync($"{ApiClient.Base}/roles", admin.AccessToken)).Content.ReadAsStringAsync();
        list.Should().Contain(name).And.Contain("\"admin\"");

        (await _client.SendJsonAsync(HttpMethod.Delete, $"{ApiClient.Base}/roles/{name}", null, admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _client.SendJsonAsync(HttpMethod.Delete, $"{ApiClient.Base}/roles/{name}", null, admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var audit = await (await _client.GetAsync($"{ApiClient.Base}/admin/audit?user_id={admin.UserId}&page_size=100", admin.AccessToken)).JsonAsync();
        var actions = audit["items"]!.AsArray().Where(i => i!["target_id"]!.GetValue<string>() == name).Select(i => i!["action"]!.GetValue<string>()).ToList();
        actions.Should().BeEquivalentTo(["role.created", "role.updated", "role.deleted"]);
        audit["items"]![0]!["actor_id"]!.GetValue<string>().Should().Be(admin.UserId);
    }

    [Fact]
    public async Task BuiltInAdmin_CannotBeDeletedOrLosePermissions()
    {
        var admin = await _factory.AdminAsync(_client);

        (await _client.SendJsonAsync(HttpMethod.Delete, $"{ApiClient.Base}/roles/admin", null, admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await _client.SendJsonAsync(HttpMethod.Patch, $"{ApiClient.Base}/roles/admin", new { permissions = new[] { "users:read" } }, admin.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Escalation_RoleManagerCannotGrantOrAssignWhatTheyLack()
    {
        var manager = await _client.UserAsync();
        await _factory.GrantRoleAsync(manager.UserId, $"rolemgr-{Guid.NewGuid():N}"[..16], "roles:write", "roles:read", "roles:assign");
        var target = await _client.UserAsync();

        (await _client.PostJsonAsync($"{ApiClient.Base}/roles", new { name = $"r-{Guid.NewGuid():N}"[..12], permissions = new[] { "users:write" } }, manager.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _client.PostJsonAsync($"{ApiClient.Base}/roles", new { name = $"r-{Guid.NewGuid():N}"[..12], permissions = new[] { "roles:read" } }, manager.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await _client.PostJsonAsync($"{ApiClient.Base}/roles/assign", new { user_id = target.UserId, role_name = "admin" }, manager.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _client.PostJsonAsync($"{ApiClient.Base}/roles/assign", new { user_id = manager.UserId, role_name = "admin" }, manager.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "nobody raises their own permissions");
    }

    [Fact]
    public async Task Assign_UnknownUserOrRole_Is404_AndInvalidBodyNamesTheField()
    {
        var admin = await _factory.AdminAsync(_client);

        (await _client.PostJsonAsync($"{ApiClient.Base}/roles/assign", new { user_id = "nobody", role_name = "admin" }, admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.PostJsonAsync($"{ApiClient.Base}/roles/assign", new { user_id = admin.UserId, role_name = "no-such-role" }, admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var invalid = await _client.PostJsonAsync($"{ApiClient.Base}/roles", new { name = "Bad Name!" }, admin.AccessToken);
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.JsonAsync())["errors"]!["name"].Should().NotBeNull();
    }

    [Fact]
    public async Task LastAdmin_CannotBeRevokedDisabledOrDeleted_UntilAnotherAdminExists()
    {
        using var factory = new FullAuthFactory();
        var client = factory.CreateClient();
        var admin = await factory.AdminAsync(client);

        var revoke = await client.PostJsonAsync($"{ApiClient.Base}/roles/revoke", new { user_id = admin.UserId, role_name = "admin" }, admin.AccessToken);
        revoke.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await revoke.JsonAsync())["code"]!.GetValue<string>().Should().Be("last_admin");
        (await client.SendJsonAsync(HttpMethod.Patch, $"{ApiClient.Base}/admin/users/{admin.UserId}", new { is_active = false }, admin.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await client.SendJsonAsync(HttpMethod.Delete, $"{ApiClient.Base}/admin/users/{admin.UserId}", null, admin.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await client.SendJsonAsync(HttpMethod.Delete, $"{ApiClient.Base}/me", new { current_password = ApiClient.StrongPassword }, admin.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);

        var second = await client.UserAsync();
        (await client.PostJsonAsync($"{ApiClient.Base}/roles/assign", new { user_id = second.UserId, role_name = "admin" }, admin.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.PostJsonAsync($"{ApiClient.Base}/roles/revoke", new { user_id = admin.UserId, role_name = "admin" }, second.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetAsync($"{ApiClient.Base}/roles", admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UserAccess_ReadsAnotherUsersRolesWithRolesRead()
    {
        var admin = await _factory.AdminAsync(_client);
        var user = await _client.UserAsync();
        await _factory.GrantRoleAsync(user.UserId, "viewer", "things:view");

        var access = await (await _client.GetAsync($"{ApiClient.Base}/roles/users/{user.UserId}", admin.AccessToken)).JsonAsync();

        access["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("viewer");
        access["permissions"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("things:view");
        (await _client.GetAsync($"{ApiClient.Base}/roles/users/nobody", admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
