using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;
using static FullAuth.Api.FunctionalTests.Infrastructure.ApiClient;

namespace FullAuth.Api.FunctionalTests;

public sealed class LoginTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Login_CorrectPassword_ReturnsLoginResponseAndAccessTokenAsDocumented()
    {
        var email = NewEmail();
        await _client.RegisterAsync(email);

        var response = await _client.LoginAsync(email);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = await response.JsonAsync();
        body.Select(p => p.Key).Should().BeEquivalentTo(["access_token", "refresh_token", "token_type", "expires_in", "user", "mfa_required"]);
        body["expires_in"]!.GetValue<int>().Should().BeInRange(895, 900);
        body["refresh_token"]!.GetValue<string>().Length.Should().BeGreaterThanOrEqualTo(43, "256 bits of randomness");
        var user = body["user"]!.AsObject();
        user.Select(p => p.Key).Should().BeEquivalentTo(
            ["id", "email", "name", "image", "email_verified", "is_active", "has_password", "mfa_enabled", "roles", "created_at"]);

        var access = body["access_token"]!.GetValue<string>();
        var header = Jwt.Header(access);
        header["typ"]!.GetValue<string>().Should().Be("at+jwt");
        header["alg"]!.GetValue<string>().Should().Be("HS256");
        header["kid"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        var claims = Jwt.Payload(access);
        claims.Select(p => p.Key).Should().Contain(["iss", "aud", "sub", "jti", "sid", "iat", "nbf", "exp", "auth_time", "amr", "email", "email_verified", "roles"]);
        claims["sub"]!.GetValue<string>().Should().Be(user["id"]!.GetValue<string>());
        claims["iss"]!.GetValue<string>().Should().Be("fullauth");
        claims["aud"]!.GetValue<string>().Should().Be("fullauth");
        claims["amr"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("pwd");
        claims["email"]!.GetValue<string>().Should().Be(email);
        (claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>()).Should().Be(900);
    }

    [Fact]
    public async Task Login_EmailInAnotherCase_Succeeds()
    {
        var email = NewEmail();
        await _client.RegisterAsync(email);

        var response = await _client.LoginAsync($"  {email.ToUpperInvariant()} ");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_WrongUnknownLockedInactive_ReturnIdenticalInvalidCredentials()
    {
        var wrongEmail = NewEmail("wrong");
        await _client.RegisterAsync(wrongEmail);
        var lockedEmail = NewEmail("locked");
        await _client.RegisterAsync(lockedEmail);
        for (var i = 0; i < 5; i++)
        {
            await _client.LoginAsync(lockedEmail, "not the right password");
        }

        var inactiveEmail = NewEmail("inactive");
        await _client.RegisterAsync(inactiveEmail);
        await factory.UpdateUserAsync(inactiveEmail, u => u.SetActive(false, DateTimeOffset.UtcNow));

        var wrong = await (await _client.LoginAsync(wrongEmail, "not the right password")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var unknown = await (await _client.LoginAsync(NewEmail("unknown"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var locked = await (await _client.LoginAsync(lockedEmail)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var inactive = await (await _client.LoginAsync(inactiveEmail)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        var expected = wrong.WithoutTraceId();
        unknown.WithoutTraceId().Should().Be(expected);
        locked.WithoutTraceId().Should().Be(expected);
        inactive.WithoutTraceId().Should().Be(expected);
    }

    [Fact]
    public async Task Login_FiveFailures_LocksOutEvenTheCorrectPassword()
    {
        var email = NewEmail();
        await _client.RegisterAsync(email);

        for (var i = 0; i < 5; i++)
        {
            (await _client.LoginAsync(email, $"wrong password {i}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var afterLockout = await _client.LoginAsync(email);

        await afterLockout.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Login_FourFailuresThenCorrectPassword_SucceedsAndResetsTheCounter()
    {
        var email = NewEmail();
        await _client.RegisterAsync(email);
        for (var i = 0; i < 4; i++)
        {
            await _client.LoginAsync(email, $"wrong password {i}");
        }

        (await _client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK);

        for (var i = 0; i < 4; i++)
        {
            await _client.LoginAsync(email, $"wrong password {i}");
        }

        (await _client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK, "a success clears the failure count");
    }

    [Fact]
    public async Task Login_UnknownEmailFailures_LockThatAddressToo()
    {
        var email = NewEmail("ghost");
        for (var i = 0; i < 5; i++)
        {
            await _client.LoginAsync(email, "whatever password");
        }

        // The address is registered only now; the lockout was per normalized email, account or not.
        await _client.RegisterAsync(email);

        await (await _client.LoginAsync(email)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Theory]
    [InlineData("{\"password\":\"correct horse battery staple\"}", "email")]
    [InlineData("{\"email\":\"someone@example.com\"}", "password")]
    [InlineData("{\"email\":\"someone@example.com\",\"password\":\"\"}", "password")]
    [InlineData("{\"email\":\"no-at-sign\",\"password\":\"x\"}", "email")]
    [InlineData("{\"email\":\"someone@example.com\",\"password\":\"x\",\"remember_me\":\"yes\"}", "remember_me")]
    public async Task Login_MissingOrInvalidFields_Returns400NamingTheField(string body, string field)
    {
        var response = await _client.PostJsonAsync($"{Base}/login", body);

        await response.ShouldBeValidationProblemAsync(field);
    }
}
