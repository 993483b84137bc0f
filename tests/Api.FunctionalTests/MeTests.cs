using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;
using static FullAuth.Api.FunctionalTests.Infrastructure.ApiClient;

namespace FullAuth.Api.FunctionalTests;

public sealed class MeTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Get_WithAccessToken_ReturnsTheUserShape()
    {
        var email = NewEmail();
        var session = await _client.NewSessionAsync(email);

        var response = await _client.MeAsync(session.AccessToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var user = await response.JsonAsync();
        user.Select(p => p.Key).Should().BeEquivalentTo(
            ["id", "email", "name", "image", "email_verified", "is_active", "has_password", "mfa_enabled", "roles", "created_at"]);
        user["id"]!.GetValue<string>().Should().Be(session.UserId);
        user["email"]!.GetValue<string>().Should().Be(email);
        user["is_active"]!.GetValue<bool>().Should().BeTrue();
        user["has_password"]!.GetValue<bool>().Should().BeTrue();
        user["mfa_enabled"]!.GetValue<bool>().Should().BeFalse();
        user["created_at"]!.GetValue<string>().Should().EndWith("Z");
    }

    [Fact]
    public async Task Get_WithoutToken_Returns401WithWwwAuthenticate()
    {
        await (await _client.MeAsync(null)).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Get_InactiveUser_Returns401()
    {
        var session = await _client.NewSessionAsync();
        await factory.UpdateUserAsync(session.Email, u => u.SetActive(false, DateTimeOffset.UtcNow));

        var response = await _client.MeAsync(session.AccessToken);

        await response.ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Patch_NameAndImage_AbsentUnchangedAndNullClears()
    {
        var session = await _client.NewSessionAsync();

        var both = await _client.PatchJsonAsync($"{Base}/me", new { name = "Ada Lovelace", image = "https://example.com/ada.png" }, session.AccessToken);
        both.StatusCode.Should().Be(HttpStatusCode.OK);
        var user = await both.JsonAsync();
        user["name"]!.GetValue<string>().Should().Be("Ada Lovelace");
        user["image"]!.GetValue<string>().Should().Be("https://example.com/ada.png");

        var onlyName = await (await _client.PatchJsonAsync($"{Base}/me", new { name = "Ada" }, session.AccessToken)).JsonAsync();
        onlyName["name"]!.GetValue<string>().Should().Be("Ada");
        onlyName["image"]!.GetValue<string>().Should().Be("https://example.com/ada.png", "an absent member is unchanged");

        var cleared = await _client.PatchJsonAsync($"{Base}/me", "{\"image\":null}", session.AccessToken);
        cleared.StatusCode.Should().Be(HttpStatusCode.OK);
        var afterClear = await cleared.JsonAsync();
        afterClear["image"].Should().BeNull("null clears the member");
        afterClear["name"]!.GetValue<string>().Should().Be("Ada");

        var me = await (await _client.MeAsync(session.AccessToken)).JsonAsync();
        me["name"]!.GetValue<string>().Should().Be("Ada");
        me["image"].Should().BeNull();

        var nameCleared = await (await _client.PatchJsonAsync($"{Base}/me", "{\"name\":null}", session.AccessToken)).JsonAsync();
        nameCleared["name"].Should().BeNull();
    }

    [Fact]
    public async Task Patch_EmptyObject_Returns400NamingBody()
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.PatchJsonAsync($"{Base}/me", "{}", session.AccessToken);

        await response.ShouldBeValidationProblemAsync("body");
    }

    [Fact]
    public async Task Patch_OnlyUnknownMembers_Returns400NamingBodyAndChangesNothing()
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.PatchJsonAsync($"{Base}/me", new { is_active = false, roles = new[] { "admin" }, email = "other@example.com" }, session.AccessToken);

        await response.ShouldBeValidationProblemAsync("body");
        var me = await (await _client.MeAsync(session.AccessToken)).JsonAsync();
        me["email"]!.GetValue<string>().Should().Be(session.Email);
        me["roles"]!.AsArray().Should().BeEmpty();
    }

    [Theory]
    [InlineData("{\"name\":\"\"}", "name")]
    [InlineData("{\"name\":\"line\\nbreak\"}", "name")]
    [InlineData("{\"name\":\"bell\\u0007\"}", "name")]
    [InlineData("{\"name\":42}", "name")]
    [InlineData("{\"name\":[\"a\"]}", "name")]
    [InlineData("{\"image\":\"http://example.com/a.png\"}", "image")]
    [InlineData("{\"image\":\"javascript:alert(1)\"}", "image")]
    [InlineData("{\"image\":\"/relative.png\"}", "image")]
    [InlineData("{\"image\":true}", "image")]
    [InlineData("{\"image\":{}}", "image")]
    [InlineData("[]", "body")]
    [InlineData("\"name\"", "body")]
    [InlineData("null", "body")]
    [InlineData("7", "body")]
    public async Task Patch_InvalidInput_Returns400NamingTheField(string body, string field)
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.PatchJsonAsync($"{Base}/me", body, session.AccessToken);

        await response.ShouldBeValidationProblemAsync(field);
    }

    [Fact]
    public async Task Patch_NameTooLong_Returns400NamingName()
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.PatchJsonAsync($"{Base}/me", new { name = new string('a', 101) }, session.AccessToken);

        await response.ShouldBeValidationProblemAsync("name");
        var ok = await _client.PatchJsonAsync($"{Base}/me", new { name = new string('a', 100) }, session.AccessToken);
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Patch_ImageTooLong_Returns400NamingImage()
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.PatchJsonAsync($"{Base}/me", new { image = "https://example.com/" + new string('a', 2048) }, session.AccessToken);

        await response.ShouldBeValidationProblemAsync("image");
    }

    [Fact]
    public async Task Patch_WithoutToken_Returns401()
    {
        await (await _client.PatchJsonAsync($"{Base}/me", new { name = "x" }, null)).ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Delete_FreshSession_Returns204AndEverythingStopsWorking()
    {
        var email = NewEmail();
        var session = await _client.NewSessionAsync(email);
        var other = await _client.SignInAsync(email);

        var response = await _client.DeleteAsync($"{Base}/me", session.AccessToken);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _client.MeAsync(session.AccessToken)).ShouldBeUnauthenticatedAsync();
        await (await _client.MeAsync(other.AccessToken)).ShouldBeUnauthenticatedAsync();
        await (await _client.RefreshAsync(other.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await _client.LoginAsync(email)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Delete_WithoutToken_Returns401()
    {
        await (await _client.DeleteAsync($"{Base}/me", null)).ShouldBeUnauthenticatedAsync();
    }
}
