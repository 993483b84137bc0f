using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;
using FullAuth.Application.Common.Tokens;
using FullAuth.Domain.Tokens;
using FullAuth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FullAuth.Api.FunctionalTests.Infrastructure.ApiClient;

namespace FullAuth.Api.FunctionalTests.Hardening;

/// <summary>
/// The password rules hold on every route that sets a password (register, change, reset): the
/// common-password list, the length limits, and bcrypt's 72-byte limit (this factory hashes with bcrypt).
/// </summary>
public sealed class PasswordRulesTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> Refused => new()
    {
        "password123",
        "Password123",
        "  qwertyuiop  ",
        "12345678",
        "short",
        new string('x', 7),
        new string('y', 129),
        new string('é', 37), // 74 UTF-8 bytes: over bcrypt's 72 although only 37 characters
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Register_RefusedPassword_Returns400NamingPasswordAndCreatesNothing(string password)
    {
        var email = NewEmail();

        await (await _client.PostJsonAsync($"{Base}/register", new { email, password })).ShouldBeValidationProblemAsync("password");

        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Email == email)).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ChangePassword_RefusedPassword_Returns400AndKeepsTheOldOne(string password)
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.PostJsonAsync($"{Base}/change-password", new { current_password = StrongPassword, new_password = password }, session.AccessToken);

        await response.ShouldBeValidationProblemAsync("new_password");
        (await _client.LoginAsync(session.Email)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ResetConfirm_RefusedPassword_Returns400AndKeepsTheToken(string password)
    {
        var session = await _client.NewSessionAsync();
        var token = await IssueResetTokenAsync(session.UserId);

        await (await _client.PostJsonAsync($"{Base}/password-reset/confirm", new { token, new_password = password })).ShouldBeValidationProblemAsync("new_password");

        (await _client.PostJsonAsync($"{Base}/password-reset/confirm", new { token, new_password = "a fine new passphrase" })).StatusCode.Should().Be(HttpStatusCode.NoContent, "a policy failure does not burn the token");
    }

    [Fact]
    public async Task Register_Exactly72BytesUnderBcrypt_IsAcceptedAndOnlyThatPasswordWorks()
    {
        var email = NewEmail();
        var password = new string('é', 36); // 72 bytes
        await _client.RegisterAsync(email, password);

        (await _client.LoginAsync(email, password)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.LoginAsync(email, new string('é', 35) + "e")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "every one of the 72 bytes counts");
    }

    private async Task<string> IssueResetTokenAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.Id == userId);
        return await scope.ServiceProvider.GetRequiredService<IOneTimeTokens>().IssueAsync(user, TokenPurposes.PasswordReset, user.Email, null, CancellationToken.None);
    }
}
