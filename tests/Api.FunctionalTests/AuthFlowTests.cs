using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests;

public sealed class AuthFlowTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task RegisterLoginMeRefreshLogout_HappyPath_WorksAsDocumented()
    {
        var email = $"walk-{Guid.NewGuid():N}@example.com";
        var register = await _client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password = ApiClient.StrongPassword });
        register.StatusCode.Should().Be(HttpStatusCode.Accepted);

        var login = await _client.PostJsonAsync($"{ApiClient.Base}/login", new { email, password = ApiClient.StrongPassword });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        login.Headers.CacheControl!.NoStore.Should().BeTrue();
        var tokens = await login.JsonAsync();
        tokens["token_type"]!.GetValue<string>().Should().Be("Bearer");
        tokens["mfa_required"]!.GetValue<bool>().Should().BeFalse();
        tokens["user"]!["email"]!.GetValue<string>().Should().Be(email);
        var access = tokens["access_token"]!.GetValue<string>();

        var me = await _client.GetAsync($"{ApiClient.Base}/me", access);
        me.StatusCode.Should().Be(HttpStatusCode.OK);
        (await me.JsonAsync())["has_password"]!.GetValue<bool>().Should().BeTrue();

        var refresh = await _client.PostJsonAsync($"{ApiClient.Base}/refresh", new { refresh_token = tokens["refresh_token"]!.GetValue<string>() });
        refresh.StatusCode.Should().Be(HttpStatusCode.OK);
        var rotated = await refresh.JsonAsync();
        rotated["refresh_token"]!.GetValue<string>().Should().NotBe(tokens["refresh_token"]!.GetValue<string>());

        var logout = await _client.PostJsonAsync($"{ApiClient.Base}/logout", null, rotated["access_token"]!.GetValue<string>());
        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);

        var after = await _client.GetAsync($"{ApiClient.Base}/me", rotated["access_token"]!.GetValue<string>());
        after.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
