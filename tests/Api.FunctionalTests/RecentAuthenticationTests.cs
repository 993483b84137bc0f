using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;
using static FullAuth.Api.FunctionalTests.Infrastructure.ApiClient;

namespace FullAuth.Api.FunctionalTests;

/// <summary>A one-second <c>Security:ReauthenticationWindow</c> makes every session "old" after a short wait.</summary>
public sealed class RecentAuthenticationTests : IAsyncLifetime
{
    private readonly FullAuthFactory _factory = FullAuthFactory.With(("FullAuth:Security:ReauthenticationWindow", "00:00:01"));
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task DeleteMe_OldSession_RequiresReauthenticationThenAcceptsTheCurrentPassword()
    {
        var email = NewEmail();
        var session = await _client.NewSessionAsync(email);
        await WaitPastWindowAsync();

        var withoutPassword = await _client.DeleteAsync($"{Base}/me", session.AccessToken);
        await withoutPassword.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "reauthentication_required");

        var wrongPassword = await _client.DeleteAsync($"{Base}/me", session.AccessToken, new { current_password = "not the right password" });
        await wrongPassword.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "invalid_current_password");
        (await _client.MeAsync(session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK, "a wrong current password ends nothing");

        var rightPassword = await _client.DeleteAsync($"{Base}/me", session.AccessToken, new { current_password = StrongPassword });
        rightPassword.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _client.MeAsync(session.AccessToken)).ShouldBeUnauthenticatedAsync();
        await (await _client.RefreshAsync(session.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await _client.LoginAsync(email)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task DeleteMe_RefreshedOldSession_StillRequiresReauthentication()
    {
        var session = await _client.NewSessionAsync();
        await WaitPastWindowAsync();
        var refreshed = await (await _client.RefreshAsync(session.RefreshToken)).JsonAsync();

        // auth_time is that of the interactive sign-in; a refresh does not make it recent.
        var response = await _client.DeleteAsync($"{Base}/me", refreshed["access_token"]!.GetValue<string>());

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "reauthentication_required");
    }

    [Fact]
    public async Task DeleteMe_WrongCurrentPasswordFiveTimes_CountsTowardLockout()
    {
        var email = NewEmail();
        var session = await _client.NewSessionAsync(email);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await _client.DeleteAsync($"{Base}/me", session.AccessToken, new { current_password = $"wrong password {i}" });
            await wrong.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "invalid_current_password");
        }

        await (await _client.LoginAsync(email)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task ChangePassword_SettingAFirstPasswordOnAnOldSession_RequiresReauthentication()
    {
        var email = NewEmail();
        var session = await _client.NewSessionAsync(email);
        await _factory.UpdateUserAsync(email, u => u.SetPasswordHash(null!, DateTimeOffset.UtcNow));
        (await (await _client.MeAsync(session.AccessToken)).JsonAsync())["has_password"]!.GetValue<bool>().Should().BeFalse();
        await WaitPastWindowAsync();

        var response = await _client.PostJsonAsync($"{Base}/change-password", new { new_password = "a first passphrase" }, session.AccessToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "reauthentication_required");
    }

    [Fact]
    public async Task DeleteMe_LastAdmin_Returns409()
    {
        var email = NewEmail();
        var session = await _client.NewSessionAsync(email);
        await _factory.UpdateUserAsync(email, u => u.AddRole("admin", DateTimeOffset.UtcNow));
        (await (await _client.MeAsync(session.AccessToken)).JsonAsync())["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("admin");

        var response = await _client.DeleteAsync($"{Base}/me", session.AccessToken, new { current_password = StrongPassword });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "last_admin");
        (await _client.MeAsync(session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static Task WaitPastWindowAsync() => Task.Delay(TimeSpan.FromSeconds(2.2));
}
