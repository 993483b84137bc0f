using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;
using static FullAuth.Api.FunctionalTests.Infrastructure.ApiClient;

namespace FullAuth.Api.FunctionalTests;

public sealed class RegisterTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Register_NewAndDuplicateEmailWithPreventionOn_Return202WithIdenticalBodies()
    {
        var email = NewEmail();

        var first = await _client.PostJsonAsync($"{Base}/register", new { email, password = StrongPassword });
        var duplicate = await _client.PostJsonAsync($"{Base}/register", new { email, password = "another strong passphrase" });

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        duplicate.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var firstBody = await first.Content.ReadAsStringAsync();
        (await duplicate.Content.ReadAsStringAsync()).Should().Be(firstBody);
        (await first.JsonAsync()).Select(p => p.Key).Should().BeEquivalentTo(["detail"]);
    }

    [Fact]
    public async Task Register_WithPreventionOn_NeverSignsInAndKeepsTheFirstPassword()
    {
        var email = NewEmail();

        var first = await _client.PostJsonAsync($"{Base}/register", new { email, password = StrongPassword });
        var duplicate = await _client.PostJsonAsync($"{Base}/register", new { email, password = "another strong passphrase" });

        foreach (var response in new[] { first, duplicate })
        {
            var body = await response.Content.ReadAsStringAsync();
            body.Should().NotContain("access_token").And.NotContain("refresh_token");
            response.Headers.Contains("Set-Cookie").Should().BeFalse();
        }

        (await _client.LoginAsync(email, "another strong passphrase")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Register_WithPreventionOff_Returns201LoginResponseThen409ForDuplicate()
    {
        await using var custom = FullAuthFactory.With(("FullAuth:PreventEnumeration", "false"));
        var client = custom.CreateClient();
        var email = NewEmail();

        var created = await client.PostJsonAsync($"{Base}/register", new { email, password = StrongPassword, name = "Ada" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = await created.JsonAsync();
        body.Select(p => p.Key).Should().BeEquivalentTo(["access_token", "refresh_token", "token_type", "expires_in", "user", "mfa_required"]);
        body["token_type"]!.GetValue<string>().Should().Be("Bearer");
        body["mfa_required"]!.GetValue<bool>().Should().BeFalse();
        body["user"]!["email"]!.GetValue<string>().Should().Be(email);
        body["user"]!["name"]!.GetValue<string>().Should().Be("Ada");
        (await client.MeAsync(body["access_token"]!.GetValue<string>())).StatusCode.Should().Be(HttpStatusCode.OK);

        var duplicate = await client.PostJsonAsync($"{Base}/register", new { email = email.ToUpperInvariant(), password = StrongPassword });
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Register_WithRegistrationPreventEnumerationAliasOff_Returns201()
    {
        await using var custom = FullAuthFactory.With(("FullAuth:Registration:PreventEnumeration", "false"));
        var client = custom.CreateClient();

        var created = await client.PostJsonAsync($"{Base}/register", new { email = NewEmail(), password = StrongPassword });

        created.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Register_WithRequireVerifiedEmail_Returns201UserAndLoginIs403OnlyAfterCorrectPassword()
    {
        await using var custom = FullAuthFactory.With(
            ("FullAuth:PreventEnumeration", "false"),
            ("FullAuth:Registration:RequireVerifiedEmail", "true"));
        var client = custom.CreateClient();
        var email = NewEmail();

        var created = await client.PostJsonAsync($"{Base}/register", new { email, password = StrongPassword });

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await created.JsonAsync();
        body.Select(p => p.Key).Should().BeEquivalentTo(["user"]);
        body["user"]!["email_verified"]!.GetValue<bool>().Should().BeFalse();

        var wrong = await client.LoginAsync(email, "not the right password");
        await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var right = await client.LoginAsync(email);
        await right.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "email_not_verified");
    }

    [Fact]
    public async Task Register_WithRegistrationDisabled_Returns403Forbidden()
    {
        await using var custom = FullAuthFactory.With(("FullAuth:Registration:Enabled", "false"));
        var client = custom.CreateClient();
        var email = NewEmail();

        var response = await client.PostJsonAsync($"{Base}/register", new { email, password = StrongPassword });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Register_WithProtectedExtraMembers_IgnoresThem()
    {
        var email = NewEmail();
        var response = await _client.PostJsonAsync($"{Base}/register", new
        {
            email,
            password = StrongPassword,
            is_active = false,
            email_verified = true,
            roles = new[] { "admin" },
            has_password = false,
            id = "chosen-id",
        });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);

        var session = await _client.SignInAsync(email);

        session.User["is_active"]!.GetValue<bool>().Should().BeTrue();
        session.User["email_verified"]!.GetValue<bool>().Should().BeFalse();
        session.User["roles"]!.AsArray().Should().BeEmpty();
        session.User["id"]!.GetValue<string>().Should().NotBe("chosen-id");
        Jwt.Payload(session.AccessToken)["roles"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Register_MixedCaseEmailWithSpaces_IsStoredTrimmedAndLowerCased()
    {
        var local = $"Mixed-{Guid.NewGuid():N}";
        await _client.RegisterAsync($"  {local.ToUpperInvariant()}@Example.COM ");

        var session = await _client.SignInAsync($"{local.ToLowerInvariant()}@example.com");

        session.User["email"]!.GetValue<string>().Should().Be($"{local.ToLowerInvariant()}@example.com");
    }

    [Theory]
    [InlineData("not-an-email", StrongPassword, "email")]
    [InlineData("two@@example.com", StrongPassword, "email")]
    [InlineData("space in@example.com", StrongPassword, "email")]
    [InlineData("", StrongPassword, "email")]
    [InlineData("valid@example.com", "short", "password")]
    [InlineData("valid@example.com", "password123", "password")]
    [InlineData("valid@example.com", "", "password")]
    public async Task Register_InvalidInput_Returns400NamingTheField(string email, string password, string field)
    {
        var response = await _client.PostJsonAsync($"{Base}/register", new { email, password });

        await response.ShouldBeValidationProblemAsync(field);
    }

    [Fact]
    public async Task Register_NameWithControlCharacters_Returns400NamingName()
    {
        var response = await _client.PostJsonAsync($"{Base}/register", new { email = NewEmail(), password = StrongPassword, name = "bad\u0007name" });

        await response.ShouldBeValidationProblemAsync("name");
    }
}
