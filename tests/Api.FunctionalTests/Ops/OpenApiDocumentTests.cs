using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests.Ops;

/// <summary><c>/openapi/v1.json</c> against API.md's route tables, and the <c>/docs</c> UI switch.</summary>
public sealed partial class OpenApiDocumentTests(OpenApiDocumentTests.DocumentFixture fixture) : IClassFixture<OpenApiDocumentTests.DocumentFixture>
{
    /// <summary>
    /// Every route of API.md (v1), with the feature it belongs to. Features not built yet (OAuth,
    /// passkeys) have no controller, so they cannot be in the
    /// document: only the built ones are required; every documented operation must still be in this list.
    /// </summary>
    private static readonly (string Route, string Feature)[] Contract =
    [
        ("POST /api/v1/auth/register", "built"), ("POST /api/v1/auth/login", "built"), ("POST /api/v1/auth/refresh", "built"),
        ("POST /api/v1/auth/logout", "built"), ("GET /api/v1/auth/me", "built"), ("PATCH /api/v1/auth/me", "built"),
        ("DELETE /api/v1/auth/me", "built"), ("POST /api/v1/auth/change-password", "built"),
        ("POST /api/v1/auth/verify-email/request", "built"), ("POST /api/v1/auth/verify-email/confirm", "built"),
        ("POST /api/v1/auth/password-reset/request", "built"), ("POST /api/v1/auth/password-reset/confirm", "built"),
        ("POST /api/v1/auth/email-change/request", "built"), ("POST /api/v1/auth/email-change/confirm", "built"),
        ("GET /api/v1/auth/sessions", "built"), ("DELETE /api/v1/auth/sessions/{}", "built"),
        ("POST /api/v1/auth/sessions/revoke-others", "built"), ("GET /api/v1/auth/csrf", "built"),
        ("POST /api/v1/auth/magic-link/request", "built"), ("POST /api/v1/auth/magic-link/confirm", "built"),
        ("POST /api/v1/auth/mfa/totp/setup", "built"), ("POST /api/v1/auth/mfa/totp/enable", "built"),
        ("POST /api/v1/auth/mfa/totp/disable", "built"), ("POST /api/v1/auth/mfa/recovery-codes", "built"),
        ("POST /api/v1/auth/mfa/verify", "built"),
        ("POST /api/v1/auth/token/introspect", "built"), ("POST /api/v1/auth/token/revoke", "built"),
        ("GET /api/v1/auth/oauth/providers", "oauth"), ("GET /api/v1/auth/oauth/{}/authorize", "oauth"),
        ("POST /api/v1/auth/oauth/{}/callback", "oauth"), ("GET /api/v1/auth/oauth/accounts", "oauth"),
        ("POST /api/v1/auth/oauth/{}/link", "oauth"), ("POST /api/v1/auth/oauth/{}/link/callback", "oauth"),
        ("DELETE /api/v1/auth/oauth/accounts/{}", "oauth"),
        ("POST /api/v1/auth/passkeys/register/begin", "built"), ("POST /api/v1/auth/passkeys/register/complete", "built"),
        ("POST /api/v1/auth/passkeys/authenticate/begin", "built"), ("POST /api/v1/auth/passkeys/authenticate/complete", "built"),
        ("GET /api/v1/auth/passkeys", "built"), ("PATCH /api/v1/auth/passkeys/{}", "built"), ("DELETE /api/v1/auth/passkeys/{}", "built"),
        ("GET /api/v1/auth/roles/me", "built"), ("GET /api/v1/auth/roles", "built"), ("POST /api/v1/auth/roles", "built"),
        ("PATCH /api/v1/auth/roles/{}", "built"), ("DELETE /api/v1/auth/roles/{}", "built"), ("POST /api/v1/auth/roles/assign", "built"),
        ("POST /api/v1/auth/roles/revoke", "built"), ("GET /api/v1/auth/roles/users/{}", "built"),
        ("GET /api/v1/auth/admin/users", "built"), ("POST /api/v1/auth/admin/users", "built"), ("GET /api/v1/auth/admin/users/{}", "built"),
        ("PATCH /api/v1/auth/admin/users/{}", "built"), ("DELETE /api/v1/auth/admin/users/{}", "built"),
        ("POST /api/v1/auth/admin/users/{}/revoke-sessions", "built"), ("POST /api/v1/auth/admin/users/{}/mfa/reset", "built"),
        ("GET /api/v1/auth/admin/audit", "built"),
        ("GET /.well-known/jwks.json", "built"), ("GET /.well-known/openid-configuration", "built"), ("GET /api/v1/config", "built"),
        ("GET /health/live", "built"), ("GET /health/ready", "built"),
    ];

    [Fact]
    public void Document_ListsEveryBuiltRouteOfTheContract()
    {
        var documented = fixture.Operations().Select(o => o.Route).ToHashSet(StringComparer.Ordinal);

        Contract.Where(c => c.Feature == "built").Select(c => c.Route).Should().BeSubsetOf(documented);
    }

    [Fact]
    public void Document_EveryOperationIsAContractRoute()
    {
        var contract = Contract.Select(c => c.Route).ToHashSet(StringComparer.Ordinal);

        fixture.Operations().Select(o => o.Route).Where(r => !contract.Contains(r)).Should().BeEmpty("routes outside API.md are not part of the contract");
    }

    [Fact]
    public void Document_EveryOperationHasASuccessResponseAndProblemDetailsErrors()
    {
        foreach (var (route, operation) in fixture.Operations())
        {
            var responses = operation["responses"]!.AsObject();
            responses.Select(r => r.Key).Should().Contain(k => k.StartsWith('2'), route + " needs its success response (src/Api/OpenApi/ResponseCatalog.cs)");
            if (route.StartsWith("GET /health", StringComparison.Ordinal))
            {
                continue;
            }

            responses["500"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/Problem", route);
            foreach (var (status, response) in responses.Where(r => !r.Key.StartsWith('2')))
            {
                response!["content"]!.AsObject().Select(c => c.Key).Should().Equal(["application/problem+json"], $"{route} {status}");
            }
        }
    }

    [Fact]
    public void Document_SuccessBodiesHaveSnakeCaseSchemas()
    {
        var me = fixture.Operation("GET /api/v1/auth/me");
        var user = fixture.Resolve(me["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);

        user["properties"]!.AsObject().Select(p => p.Key).Should().Contain(["id", "email", "email_verified", "is_active", "has_password", "mfa_enabled", "roles", "created_at"]);

        var login = fixture.Operation("POST /api/v1/auth/login");
        login["requestBody"]!["content"]!["application/json"]!["schema"].Should().NotBeNull();
        var shapes = login["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["oneOf"]!.AsArray().Select(s => fixture.Resolve(s!)).ToList();
        shapes.Should().HaveCount(3, "login answers LoginResponse (JSON or cookie delivery) or MfaChallenge");
        shapes[0]["properties"]!.AsObject().Select(p => p.Key).Should().Contain(["access_token", "refresh_token", "token_type", "expires_in", "user", "mfa_required"]);
        shapes[1]["properties"]!.AsObject().Select(p => p.Key).Should().Contain("csrf_token");
        shapes[2]["properties"]!.AsObject().Select(p => p.Key).Should().Contain(["mfa_required", "mfa_token", "expires_in", "methods"]);

        var patchMe = fixture.Operation("PATCH /api/v1/auth/me");
        patchMe["requestBody"]!["content"]!["application/json"]!["schema"]!["properties"]!.AsObject().Select(p => p.Key).Should().Equal("name", "image");
    }

    [Fact]
    public void Document_DeclaresBearerAndCookieSchemes_OnAuthenticatedOperationsOnly()
    {
        var schemes = fixture.Document["components"]!["securitySchemes"]!;
        schemes["bearer"]!["type"]!.GetValue<string>().Should().Be("http");
        schemes["bearer"]!["scheme"]!.GetValue<string>().Should().Be("bearer");
        schemes["bearer"]!["bearerFormat"]!.GetValue<string>().Should().Be("JWT");
        schemes["cookie"]!["type"]!.GetValue<string>().Should().Be("apiKey");
        schemes["cookie"]!["in"]!.GetValue<string>().Should().Be("cookie");
        schemes["cookie"]!["name"]!.GetValue<string>().Should().Contain("fullauth_access");

        SecurityOf(fixture.Operation("GET /api/v1/auth/me")).Should().BeEquivalentTo("bearer", "cookie");
        SecurityOf(fixture.Operation("GET /api/v1/auth/admin/users")).Should().BeEquivalentTo("bearer", "cookie");
        fixture.Operation("GET /api/v1/auth/admin/users")["responses"]!["403"]!["description"]!.GetValue<string>().Should().Contain("users:read");
        SecurityOf(fixture.Operation("POST /api/v1/auth/login")).Should().BeEmpty();
        fixture.Operation("POST /api/v1/auth/login")["responses"]!.AsObject().Select(r => r.Key).Should().Contain(["400", "429", "500"]);
    }

    [Fact]
    public void Document_ProblemSchema_HasTheContractMembers()
    {
        var problem = fixture.Document["components"]!["schemas"]!["Problem"]!;

        problem["properties"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("type", "title", "status", "detail", "code", "trace_id", "errors");
        problem["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().BeEquivalentTo("type", "title", "status", "detail", "code", "trace_id");
    }

    [Theory]
    [InlineData("Development", null, HttpStatusCode.OK)]
    [InlineData("Testing", null, HttpStatusCode.NotFound)]
    [InlineData("Testing", "true", HttpStatusCode.OK)]
    [InlineData("Development", "false", HttpStatusCode.NotFound)]
    public async Task DocsUi_FollowsUiEnabledWithDevelopmentDefault(string environment, string? uiEnabled, HttpStatusCode expected)
    {
        using var factory = FullAuthFactory.With(("FullAuth:OpenApi:UiEnabled", uiEnabled));
        factory.Environment = environment;
        var client = factory.CreateClient();

        var docs = await client.GetAsync("/docs");
        var document = await client.GetAsync("/openapi/v1.json");

        docs.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.OK)
        {
            docs.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
            (await docs.Content.ReadAsStringAsync()).Should().Contain("openapi/v1.json");
        }

        document.StatusCode.Should().Be(HttpStatusCode.OK, "the document itself is always served");
    }

    private static string[] SecurityOf(JsonNode operation) =>
        operation["security"]?.AsArray().SelectMany(r => r!.AsObject().Select(p => p.Key)).ToArray() ?? [];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();

    public sealed class DocumentFixture : IAsyncLifetime
    {
        private readonly FullAuthFactory _factory = new();

        public JsonObject Document { get; private set; } = [];

        public async ValueTask InitializeAsync()
        {
            var response = await _factory.CreateClient().GetAsync("/openapi/v1.json");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            Document = await response.JsonAsync();
        }

        public ValueTask DisposeAsync()
        {
            _factory.Dispose();
            return ValueTask.CompletedTask;
        }

        public IEnumerable<(string Route, JsonObject Operation)> Operations() =>
            Document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
                .Where(op => op.Key is "get" or "post" or "put" or "patch" or "delete")
                .Select(op => ($"{op.Key.ToUpperInvariant()} {PathParameter().Replace(path.Key, "{}")}", op.Value!.AsObject())));

        public JsonObject Operation(string route) => Operations().Single(o => o.Route == route).Operation;

        public JsonObject Resolve(JsonNode schema)
        {
            var reference = schema["$ref"]?.GetValue<string>();
            return reference is null
                ? schema.AsObject()
                : Document["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject();
        }
    }
}
