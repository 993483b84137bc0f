using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FullAuth.Api.FunctionalTests.Admin;

public sealed class AdminAuthorizationTests : IClassFixture<FullAuthFactory>
{
    public static readonly TheoryData<string, string, string?> AdminRoutes = new()
    {
        { "GET", "/roles", null },
        { "POST", "/roles", """{"name":"x","permissions":["a:b"]}""" },
        { "PATCH", "/roles/x", """{"description":"d"}""" },
        { "DELETE", "/roles/x", null },
        { "POST", "/roles/assign", """{"user_id":"u","role_name":"admin"}""" },
        { "POST", "/roles/revoke", """{"user_id":"u","role_name":"admin"}""" },
        { "GET", "/roles/users/someone", null },
        { "GET", "/admin/users", null },
        { "POST", "/admin/users", """{"email":"new@example.com"}""" },
        { "GET", "/admin/users/someone", null },
        { "PATCH", "/admin/users/someone", """{"is_active":false}""" },
        { "DELETE", "/admin/users/someone", null },
        { "POST", "/admin/users/someone/revoke-sessions", null },
        { "POST", "/admin/users/someone/mfa/reset", null },
        { "GET", "/admin/audit", null },
    };

    private readonly FullAuthFactory _factory;
    private readonly HttpClient _client;

    public AdminAuthorizationTests(FullAuthFactory factory)
    {
        _factory = factory;
        _client = factory.CreateClient();
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_Anonymous_Is401(string method, string path, string? body)
    {
        var response = await _client.SendJsonAsync(new HttpMethod(method), ApiClient.Base + path, body);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.JsonAsync())["code"]!.GetValue<string>().Should().Be("unauthenticated");
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_NonAdmin_Is403EvenWithAMalformedBody(string method, string path, string? body)
    {
        var user = await _client.UserAsync();

        var valid = await _client.SendJsonAsync(new HttpMethod(method), ApiClient.Base + path, body, user.AccessToken);
        var malformed = body is null ? valid : await _client.SendJsonAsync(new HttpMethod(method), ApiClient.Base + path, "{not json", user.AccessToken);

        valid.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await valid.JsonAsync())["code"]!.GetValue<string>().Should().Be("forbidden");
        malformed.StatusCode.Should().Be(HttpStatusCode.Forbidden, "callers without the permission learn nothing about the body");
    }

    [Fact]
    public async Task RolesMe_PlainUser_HasNoRolesOrPermissions()
    {
        var user = await _client.UserAsync();

        var me = await (await _client.GetAsync($"{ApiClient.Base}/roles/me", user.AccessToken)).JsonAsync();

        me["user_id"]!.GetValue<string>().Should().Be(user.UserId);
        me["roles"]!.AsArray().Should().BeEmpty();
        me["permissions"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task OwnEndpoint_ProtectedWithOneAttribute_FollowsRoleChangesOnTheNextRequest()
    {
        using var factory = new FullAuthFactory();
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddControllers().AddApplicationPart(typeof(ReportsTestController).Assembly)));
        var client = app.CreateClient();
        var admin = await factory.AdminAsync(client);
        var user = await client.UserAsync();

        (await client.GetAsync("/api/v1/reports", (string?)null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/v1/reports", user.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await client.PostJsonAsync($"{ApiClient.Base}/roles", new { name = "analyst", permissions = new[] { "reports:read" } }, admin.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await client.PostJsonAsync($"{ApiClient.Base}/roles/assign", new { user_id = user.UserId, role_name = "analyst" }, admin.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await client.GetAsync("/api/v1/reports", user.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK, "the same access token works once the role is granted");
        var access = await (await client.GetAsync($"{ApiClient.Base}/roles/me", user.AccessToken)).JsonAsync();
        access["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).Should().Equal("reports:read");

        (await client.PostJsonAsync($"{ApiClient.Base}/roles/revoke", new { user_id = user.UserId, role_name = "analyst" }, admin.AccessToken))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/v1/reports", user.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a revoked role stops working on the next request");

        (await client.GetAsync("/api/v1/reports/ops", user.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await factory.GrantRoleAsync(user.UserId, "ops");
        (await client.GetAsync("/api/v1/reports/ops", user.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
