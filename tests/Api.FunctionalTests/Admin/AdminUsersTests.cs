using System.Globalization;
using System.Net;
using FullAuth.Api.FunctionalTests.Email;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests.Admin;

public sealed class AdminUsersTests : IClassFixture<FullAuthFactory>
{
    private readonly FullAuthFactory _factory;
    private readonly HttpClient _client;

    public AdminUsersTests(FullAuthFactory factory)
    {
        _factory = factory;
        _client = factory.CreateClient();
    }

    [Fact]
    public async Task ListUsers_PagesAndSearches()
    {
        var admin = await _factory.AdminAsync(_client);
        var tag = Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 3; i++)
        {
            await _client.UserAsync($"{tag}-{i}@example.com");
        }

        var page1 = await (await _client.GetAsync($"{ApiClient.Base}/admin/users?search={tag}&page=1&page_size=2", admin.AccessToken)).JsonAsync();
        var page2 = await (await _client.GetAsync($"{ApiClient.Base}/admin/users?search={tag.ToUpperInvariant()}&page=2&page_size=2", admin.AccessToken)).JsonAsync();

        page1["total"]!.GetValue<int>().Should().Be(3);
        page1["page"]!.GetValue<int>().Should().Be(1);
        page1["page_size"]!.GetValue<int>().Should().Be(2);
        page1["items"]!.AsArray().Should().HaveCount(2);
        page2["items"]!.AsArray().Should().HaveCount(1);
        var emails = page1["items"]!.AsArray().Concat(page2["items"]!.AsArray()).Select(u => u!["email"]!.GetValue<string>());
        emails.Should().BeEquivalentTo([$"{tag}-0@example.com", $"{tag}-1@example.com", $"{tag}-2@example.com"]);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page_size=101", "page_size")]
    [InlineData("page=abc", "page")]
    public async Task ListUsers_BadPaging_Is400NamingTheParameter(string query, string field)
    {
        var admin = await _factory.AdminAsync(_client);

        var response = await _client.GetAsync($"{ApiClient.Base}/admin/users?{query}", admin.AccessToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.JsonAsync())["errors"]![field].Should().NotBeNull();
    }

    [Fact]
    public async Task DisableUser_RevokesSessionsAtOnce_AndLoginFails_ThenReEnable()
    {
        var admin = await _factory.AdminAsync(_client);
        var user = await _client.UserAsync();

        var patched = await _client.SendJsonAsync(HttpMethod.Patch, $"{ApiClient.Base}/admin/users/{user.UserId}", new { is_active = false, name = "Renamed" }, admin.AccessToken);

        patched.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await patched.JsonAsync();
        body["is_active"]!.GetValue<bool>().Should().BeFalse();
        body["name"]!.GetValue<string>().Should().Be("Renamed");
        (await _client.GetAsync($"{ApiClient.Base}/me", user.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _client.PostJsonAsync($"{ApiClient.Base}/login", new { email = user.Email, password = ApiClient.StrongPassword })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        (await _client.SendJsonAsync(HttpMethod.Patch, $"{ApiClient.Base}/admin/users/{user.UserId}", new { is_active = true }, admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.PostJsonAsync($"{ApiClient.Base}/login", new { email = user.Email, password = ApiClient.StrongPassword })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PatchUser_EmptyOrWrongTypes_Is400NamingTheField()
    {
        var admin = await _factory.AdminAsync(_client);
        var user = await _client.UserAsync();

        var empty = await _client.SendJsonAsync(HttpMethod.Patch, $"{ApiClient.Base}/admin/users/{user.UserId}", new { }, admin.AccessToken);
        var wrong = await _client.SendJsonAsync(HttpMethod.Patch, $"{ApiClient.Base}/admin/users/{user.UserId}", new { is_active = "no" }, admin.AccessToken);

        (await empty.JsonAsync())["errors"]!["body"].Should().NotBeNull();
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrong.JsonAsync())["errors"]!["is_active"].Should().NotBeNull();
        (await _client.SendJsonAsync(HttpMethod.Patch, $"{ApiClient.Base}/admin/users/nobody", new { name = "x" }, admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteUser_EndsSessionsAndAccount_AndIsAudited()
    {
        var admin = await _factory.AdminAsync(_client);
        var user = await _client.UserAsync();

        (await _client.SendJsonAsync(HttpMethod.Delete, $"{ApiClient.Base}/admin/users/{user.UserId}", null, admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await _client.GetAsync($"{ApiClient.Base}/me", user.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _client.GetAsync($"{ApiClient.Base}/admin/users/{user.UserId}", admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var audit = await (await _client.GetAsync($"{ApiClient.Base}/admin/audit?action=user.deleted&user_id={user.UserId}", admin.AccessToken)).JsonAsync();
        var entry = audit["items"]!.AsArray().Single()!;
        entry["actor_id"]!.GetValue<string>().Should().Be(admin.UserId);
        entry["target_id"]!.GetValue<string>().Should().Be(user.UserId);
        entry["at"]!.GetValue<string>().Should().EndWith("Z");
        entry.AsObject().Should().ContainKeys("id", "ip_address", "details");
    }

    [Fact]
    public async Task RevokeSessions_CountsAndEndsEveryAccessToken()
    {
        var admin = await _factory.AdminAsync(_client);
        var user = await _client.UserAsync();
        var second = await _client.PostJsonAsync($"{ApiClient.Base}/login", new { email = user.Email, password = ApiClient.StrongPassword });
        var secondAccess = (await second.JsonAsync())["access_token"]!.GetValue<string>();

        var revoked = await _client.PostJsonAsync($"{ApiClient.Base}/admin/users/{user.UserId}/revoke-sessions", null, admin.AccessToken);

        (await revoked.JsonAsync())["revoked"]!.GetValue<int>().Should().Be(2);
        (await _client.GetAsync($"{ApiClient.Base}/me", user.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _client.GetAsync($"{ApiClient.Base}/me", secondAccess)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UsersWrite_CannotActOnSomeoneHoldingMoreThanTheCaller()
    {
        var admin = await _factory.AdminAsync(_client);
        var support = await _client.UserAsync();
        await _factory.GrantRoleAsync(support.UserId, "support", "users:read", "users:write");

        (await _client.SendJsonAsync(HttpMethod.Patch, $"{ApiClient.Base}/admin/users/{admin.UserId}", new { is_active = false }, support.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _client.PostJsonAsync($"{ApiClient.Base}/admin/users/{admin.UserId}/revoke-sessions", null, support.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var plain = await _client.UserAsync();
        (await _client.SendJsonAsync(HttpMethod.Patch, $"{ApiClient.Base}/admin/users/{plain.UserId}", new { name = "Helped" }, support.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.GetAsync($"{ApiClient.Base}/admin/audit", support.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "support lacks audit:read");
    }

    [Fact]
    public async Task ResetMfa_TurnsMfaOffAndIsAudited()
    {
        var admin = await _factory.AdminAsync(_client);
        var user = await _client.UserAsync();

        (await _client.PostJsonAsync($"{ApiClient.Base}/admin/users/{user.UserId}/mfa/reset", null, admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var audit = await (await _client.GetAsync($"{ApiClient.Base}/admin/audit?action=user.mfa_reset&user_id={user.UserId}", admin.AccessToken)).JsonAsync();
        audit["total"]!.GetValue<int>().Should().Be(1);
    }
}

/// <summary>Invitations and the bootstrap admin, with mail through a real SMTP server.</summary>
public sealed class AdminMailTests
{
    [Fact]
    public async Task Invite_MailsSetPasswordLink_RedeemedThroughPasswordResetConfirm()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = SmtpFactory(smtp);
        var client = factory.CreateClient();
        var admin = await factory.AdminAsync(client);
        await factory.GrantRoleAsync(admin.UserId, "editor", "posts:write");
        var email = $"invitee-{Guid.NewGuid():N}@example.com";

        var invite = await client.PostJsonAsync($"{ApiClient.Base}/admin/users", new { email, name = "Ivy", roles = new[] { "editor" } }, admin.AccessToken);

        invite.StatusCode.Should().Be(HttpStatusCode.Created);
        var user = await invite.JsonAsync();
        user["has_password"]!.GetValue<bool>().Should().BeFalse();
        user["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("editor");
        (await client.PostJsonAsync($"{ApiClient.Base}/admin/users", new { email }, admin.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var mail = await smtp.WaitForMailAsync(email, "invited");
        mail.TextBody.Should().Contain("https://app.example.test/set-password?token=");
        var token = SmtpSink.TokenFrom(mail, "/set-password");
        (await client.PostJsonAsync($"{ApiClient.Base}/password-reset/confirm", new { token, new_password = "my own good passphrase" })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var login = await client.PostJsonAsync($"{ApiClient.Base}/login", new { email, password = "my own good passphrase" });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        (await login.JsonAsync())["user"]!["email_verified"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task BootstrapEmail_BecomesAdminWhenVerified_Once_AndAudited()
    {
        using var smtp = await SmtpSink.StartAsync();
        using var factory = SmtpFactory(smtp);
        var email = $"boss-{Guid.NewGuid():N}@example.com";
        factory.Settings["FullAuth:Admin:BootstrapEmail"] = email.ToUpperInvariant();
        var client = factory.CreateClient();
        var boss = await client.UserAsync(email);

        (await client.GetAsync($"{ApiClient.Base}/roles", boss.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "not before the address is verified");

        var token = SmtpSink.TokenFrom(await smtp.WaitForMailAsync(email, "Verify"), "/verify-email");
        (await client.PostJsonAsync($"{ApiClient.Base}/verify-email/confirm", new { token })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await client.GetAsync($"{ApiClient.Base}/roles", boss.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        var audit = await (await client.GetAsync($"{ApiClient.Base}/admin/audit?action=admin.bootstrap", boss.AccessToken)).JsonAsync();
        var entry = audit["items"]!.AsArray().Single()!;
        entry["target_id"]!.GetValue<string>().Should().Be(boss.UserId);
        entry["actor_id"].Should().BeNull();
    }

    [Fact]
    public async Task SeedRoles_FromConfiguration_ExistAtStartup()
    {
        using var factory = new FullAuthFactory();
        factory.Settings["FullAuth:Roles:Seed:0:Name"] = "auditor";
        factory.Settings["FullAuth:Roles:Seed:0:Permissions:0"] = "audit:read";
        var client = factory.CreateClient();
        var admin = await factory.AdminAsync(client);

        var roles = await (await client.GetAsync($"{ApiClient.Base}/roles", admin.AccessToken)).Content.ReadAsStringAsync();

        roles.Should().Contain("\"auditor\"").And.Contain("audit:read");
    }

    private static FullAuthFactory SmtpFactory(SmtpSink smtp)
    {
        var factory = new FullAuthFactory();
        factory.Settings["FullAuth:Email:Transport"] = "smtp";
        factory.Settings["FullAuth:Email:Smtp:Host"] = "127.0.0.1";
        factory.Settings["FullAuth:Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        factory.Settings["FullAuth:Email:Smtp:Security"] = "None";
        factory.Settings["FullAuth:Email:FrontendUrl"] = "https://app.example.test";
        return factory;
    }
}
