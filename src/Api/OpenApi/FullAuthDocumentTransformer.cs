using System.Text.Json.Nodes;
using FullAuth.Api.Http.Cookies;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FullAuth.Api.OpenApi;

/// <summary>
/// Title and description, the two security schemes (a bearer JWT in <c>Authorization</c>, or the access
/// cookie in cookie mode) and the shared <c>Problem</c> schema every error response points to.
/// </summary>
public sealed class FullAuthDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    public const string CookieScheme = "cookie";
    public const string ProblemSchema = "Problem";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "FullAuth API",
            Version = "v1",
            Description = "Authentication for a web frontend: credentials, sessions (refresh-token families), email flows, roles and administration. " +
                "JSON members are snake_case; every error is application/problem+json with a stable `code` (see docs/troubleshooting.md).",
        };

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The access_token from login/refresh in `Authorization: Bearer ...`. Wins over the cookie when both are sent.",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "__Host-" + AuthCookies.AccessBaseName,
            Description = "Cookie mode (`FullAuth:TokenDelivery` = cookie or both): the access cookie `__Host-fullauth_access` " +
                "(`fullauth_access` with `FullAuth:Debug`, `__Secure-fullauth_access` with `Cookies:Domain`). " +
                "Unsafe methods also need `X-CSRF-Token`.",
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details. One fixed body per `code`, apart from `trace_id`.",
            Required = new HashSet<string> { "type", "title", "status", "detail", "code", "trace_id" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "`urn:fullauth:error:{code}`" },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable error code, e.g. `validation_failed`, `invalid_credentials`." },
                ["trace_id"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Validation failures only: snake_case field name to messages.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
        AddHealth(document, "/health/live", "Liveness: the process answers. No dependency is checked.");
        AddHealth(document, "/health/ready", "Readiness: database, Redis (when a store uses it) and the mail queue depth. 503 when unhealthy.");
        return Task.CompletedTask;
    }

    /// <summary>Health endpoints are not controller actions, so the generator does not see them: describe them here.</summary>
    private static void AddHealth(OpenApiDocument document, string path, string summary)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "status", "checks" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("Healthy"), JsonValue.Create("Degraded"), JsonValue.Create("Unhealthy")] },
                ["checks"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
        OpenApiResponse Response(string description) => new()
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };

        document.Paths ??= [];
        document.Paths[path] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    Summary = summary,
                    Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
                    Responses = new OpenApiResponses
                    {
                        ["200"] = Response("Healthy or degraded."),
                        ["503"] = Response("Unhealthy."),
                    },
                },
            },
        };
    }
}
