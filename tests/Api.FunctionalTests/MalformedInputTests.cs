using System.Diagnostics;
using System.Net;
using System.Text;
using FullAuth.Api.FunctionalTests.Infrastructure;
using static FullAuth.Api.FunctionalTests.Infrastructure.ApiClient;

namespace FullAuth.Api.FunctionalTests;

public sealed class MalformedInputTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("register")]
    [InlineData("login")]
    [InlineData("refresh")]
    public async Task Post_BrokenJson_Returns400(string route)
    {
        var response = await _client.PostJsonAsync($"{Base}/{route}", "{\"email\": \"a@example.com\", ");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem["errors"]!.AsObject().Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("register", "[]")]
    [InlineData("register", "null")]
    [InlineData("register", "42")]
    [InlineData("register", "\"text\"")]
    [InlineData("login", "[]")]
    [InlineData("login", "null")]
    [InlineData("login", "42")]
    [InlineData("refresh", "[1,2]")]
    [InlineData("refresh", "null")]
    [InlineData("logout", "[]")]
    [InlineData("logout", "42")]
    public async Task Post_BodyThatIsNotAnObject_Returns400NamingBody(string route, string body)
    {
        var response = await _client.PostJsonAsync($"{Base}/{route}", body);

        await response.ShouldBeValidationProblemAsync("body");
    }

    [Theory]
    [InlineData("register", "{\"email\":123,\"password\":\"correct horse battery staple\"}", "email")]
    [InlineData("register", "{\"email\":\"a@example.com\",\"password\":{\"x\":1}}", "password")]
    [InlineData("register", "{\"email\":\"a@example.com\",\"password\":\"correct horse battery staple\",\"name\":[1]}", "name")]
    [InlineData("login", "{\"email\":[\"a@example.com\"],\"password\":\"x\"}", "email")]
    [InlineData("login", "{\"email\":\"a@example.com\",\"password\":12345678}", "password")]
    [InlineData("refresh", "{\"refresh_token\":12}", "refresh_token")]
    public async Task Post_WrongJsonTypes_Returns400NamingTheField(string route, string body, string field)
    {
        var response = await _client.PostJsonAsync($"{Base}/{route}", body);

        await response.ShouldBeValidationProblemAsync(field);
    }

    [Theory]
    [InlineData("register")]
    [InlineData("login")]
    public async Task Post_TenKilobytePassword_Returns400NamingPasswordQuickly(string route)
    {
        var stopwatch = Stopwatch.StartNew();

        var response = await _client.PostJsonAsync($"{Base}/{route}", new { email = NewEmail(), password = new string('p', 10_000) });

        stopwatch.Stop();
        await response.ShouldBeValidationProblemAsync("password");
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "a huge password is refused before any hashing");
    }

    [Fact]
    public async Task ChangePassword_TenKilobytePasswords_Returns400()
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.PostJsonAsync($"{Base}/change-password", new { current_password = new string('c', 10_000), new_password = new string('n', 10_000) }, session.AccessToken);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain("new_password");
    }

    [Fact]
    public async Task Post_BodyOver64KiB_Returns400NamingBody()
    {
        var body = $"{{\"email\":\"{NewEmail()}\",\"password\":\"{StrongPassword}\",\"name\":\"{new string('n', 70 * 1024)}\"}}";

        var response = await _client.PostJsonAsync($"{Base}/register", body);

        await response.ShouldBeValidationProblemAsync("body");
    }

    [Fact]
    public async Task Post_ChunkedBodyOver64KiB_Returns400NamingBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/login");
        var bytes = Encoding.UTF8.GetBytes($"{{\"email\":\"a@example.com\",\"password\":\"{new string('p', 70 * 1024)}\"}}");
        request.Content = new StreamContent(new NonSeekableStream(bytes));
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        await response.ShouldBeValidationProblemAsync("body");
    }

    [Theory]
    [InlineData("register", "text/plain")]
    [InlineData("login", "application/x-www-form-urlencoded")]
    [InlineData("refresh", "application/xml")]
    [InlineData("change-password", "text/plain")]
    public async Task Post_WrongContentType_Returns415(string route, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/{route}")
        {
            Content = new StringContent("email=a@example.com&password=x", Encoding.UTF8, contentType),
        };
        if (route == "change-password")
        {
            var session = await _client.NewSessionAsync();
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", session.AccessToken);
        }

        var response = await _client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Theory]
    [InlineData("POST", "logout")]
    [InlineData("PATCH", "me")]
    [InlineData("DELETE", "me")]
    public async Task AuthenticatedRoute_WrongContentType_Returns415AndChangesNothing(string method, string route)
    {
        var session = await _client.NewSessionAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{Base}/{route}")
        {
            Content = new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", session.AccessToken);

        var response = await _client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        (await _client.MeAsync(session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_NoBodyAndNoContentType_Returns415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/login");

        var response = await _client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Post_EmptyJsonBody_Returns400NamingBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/register")
        {
            Content = new StringContent(string.Empty, Encoding.UTF8, "application/json"),
        };

        var response = await _client.SendAsync(request);

        await response.ShouldBeValidationProblemAsync("body");
    }

    [Theory]
    [InlineData("/api/v1/auth/does-not-exist")]
    [InlineData("/api/v2/auth/login")]
    [InlineData("/nothing-here")]
    public async Task Get_UnknownRoute_Returns404Problem(string path)
    {
        var response = await _client.GetAsync(path, null);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("GET", "/api/v1/auth/login", "POST")]
    [InlineData("PUT", "/api/v1/auth/register", "POST")]
    [InlineData("POST", "/api/v1/auth/me", "GET")]
    [InlineData("GET", "/api/v1/auth/sessions/revoke-others", "POST")]
    public async Task Request_WrongMethod_Returns405WithAllow(string method, string path, string allowed)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var response = await _client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        response.Content.Headers.Allow.Should().Contain(allowed);
    }

    [Fact]
    public async Task Get_AccessTokenInQueryString_IsIgnored()
    {
        var session = await _client.NewSessionAsync();

        var response = await _client.GetAsync($"{Base}/me?access_token={session.AccessToken}", null);

        await response.ShouldBeUnauthenticatedAsync();
    }

    [Fact]
    public async Task Register_UnicodeAndEscapes_NeverFails()
    {
        var response = await _client.PostJsonAsync($"{Base}/register", "{\"email\":\"\\u0000@example.com\",\"password\":\"\\ud800\"}");

        ((int)response.StatusCode).Should().Be(400);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }

    /// <summary>Forces chunked transfer: the length is unknown to the client.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
