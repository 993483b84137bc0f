using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;
using static FullAuth.Api.FunctionalTests.Infrastructure.ApiClient;

namespace FullAuth.Api.FunctionalTests;

public sealed class ChangePasswordTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    private const string NewPassword = "a brand new passphrase";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ChangePassword_MissingCurrentPassword_Returns400NamingIt()
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.PostJsonAsync($"{Base}/change-password", new { new_password = NewPassword }, session.AccessToken);

        await response.ShouldBeValidationProblemAsync("current_password");
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_Returns403AndChangesNothing()
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.PostJsonAsync($"{Base}/change-password", new { current_password = "not the right password", new_password = NewPassword }, session.AccessToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "invalid_current_password");
        (await _client.LoginAsync(session.Email)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.MeAsync(session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("password123")]
    [InlineData("qwertyuiop")]
    [InlineData("short")]
    [InlineData("")]
    public async Task ChangePassword_UnacceptableNewPassword_Returns400NamingNewPassword(string newPassword)
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.PostJsonAsync($"{Base}/change-password", new { current_password = StrongPassword, new_password = newPassword }, session.AccessToken);

        await response.ShouldBeValidationProblemAsync("new_password");
        (await _client.LoginAsync(session.Email)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_Success_SwapsPasswordsKeepsCurrentSessionAndEndsTheOthers()
    {
        var email = NewEmail();
        var current = await _client.NewSessionAsync(email);
        var other = await _client.SignInAsync(email);

        var response = await _client.PostJsonAsync($"{Base}/change-password", new { current_password = StrongPassword, new_password = NewPassword }, current.AccessToken);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _client.MeAsync(other.AccessToken)).ShouldBeUnauthenticatedAsync();
        await (await _client.RefreshAsync(other.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await _client.MeAsync(current.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.RefreshAsync(current.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await _client.LoginAsync(email)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await _client.LoginAsync(email, NewPassword)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_SettingAFirstPasswordOnAFreshSession_Returns204WithoutCurrentPassword()
    {
        var session = await _client.NewSessionAsync();
        await factory.UpdateUserAsync(session.Email, u => u.SetPasswordHash(null!, DateTimeOffset.UtcNow));
        (await (await _client.MeAsync(session.AccessToken)).JsonAsync())["has_password"]!.GetValue<bool>().Should().BeFalse();
        await (await _client.LoginAsync(session.Email)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        var response = await _client.PostJsonAsync($"{Base}/change-password", new { new_password = NewPassword }, session.AccessToken);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _client.LoginAsync(session.Email, NewPassword)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_WithoutToken_Returns401()
    {
        var response = await _client.PostJsonAsync($"{Base}/change-password", new { current_password = StrongPassword, new_password = NewPassword });

        await response.ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task ChangePassword_SixAttemptsByOneUser_IsRateLimitedPerUser()
    {
        var session = await _client.NewSessionAsync();

        for (var i = 0; i < 5; i++)
        {
            var attempt = await _client.PostJsonAsync($"{Base}/change-password", new { new_password = NewPassword }, session.AccessToken);
            attempt.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        var sixth = await _client.PostJsonAsync($"{Base}/change-password", new { current_password = StrongPassword, new_password = NewPassword }, session.AccessToken);

        await sixth.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        sixth.Headers.RetryAfter.Should().NotBeNull();
    }
}
