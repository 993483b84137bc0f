using FullAuth.Api.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FullAuth.Api.OpenApi;

/// <summary>
/// Per operation: the documented success responses (<see cref="ResponseCatalog"/>), the problem-details
/// responses it can answer, and the security requirement (bearer or cookie) when it needs a caller.
/// </summary>
public sealed class FullAuthOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var key = $"{description.HttpMethod} {description.RelativePath}";
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var authenticated = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var permission = metadata.OfType<RequirePermissionAttribute>().Select(p => p.Permission).FirstOrDefault();
        var document = context.Document;

        operation.Responses ??= [];
        if (ResponseCatalog.Responses.TryGetValue(key, out var documented))
        {
            operation.Responses.Clear();
            foreach (var response in documented)
            {
                var apiResponse = new OpenApiResponse { Description = response.Description };
                if (response.Shapes.Length > 0)
                {
                    var schemas = new List<IOpenApiSchema>();
                    foreach (var shape in response.Shapes)
                    {
                        schemas.Add(await context.GetOrCreateSchemaAsync(shape, null, cancellationToken));
                    }

                    apiResponse.Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = schemas.Count == 1 ? schemas[0] : new OpenApiSchema { OneOf = schemas } },
                    };
                }

                operation.Responses[response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = apiResponse;
            }
        }

        if (ResponseCatalog.PatchBodies.TryGetValue(key, out var members))
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "A JSON object; an absent member is unchanged, null clears it.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Properties = members.ToDictionary(
                                m => m.Name,
                                m => (IOpenApiSchema)new OpenApiSchema { Type = (m.Type == typeof(bool) ? JsonSchemaType.Boolean : JsonSchemaType.String) | JsonSchemaType.Null }),
                        },
                    },
                },
            };
        }

        var hasInput = operation.RequestBody is not null || operation.Parameters is { Count: > 0 };
        if (hasInput)
        {
            AddProblem(operation, document, "400", "validation_failed (names the field), or another 400 code of this route (see docs/troubleshooting.md).");
        }

        if (authenticated)
        {
            AddProblem(operation, document, "401", "unauthenticated: missing, invalid, expired or revoked access token (with WWW-Authenticate: Bearer).");
            AddProblem(operation, document, "403", permission is null
                ? "csrf_failed (cookie mode without a valid X-CSRF-Token), or reauthentication_required where recent authentication is needed."
                : $"forbidden: the caller lacks `{permission}` (or acts above their own permissions); csrf_failed in cookie mode.");
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(FullAuthDocumentTransformer.BearerScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(FullAuthDocumentTransformer.CookieScheme, document)] = [] },
            ];
        }

        if (description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            AddProblem(operation, document, "404", "not_found: unknown resource, including other users' resources.");
        }

        if (ResponseCatalog.RateLimited.Contains(key))
        {
            AddProblem(operation, document, "429", "rate_limited, with Retry-After and X-RateLimit-Limit/Remaining/Reset.");
        }

        AddProblem(operation, document, "500", "internal_error: a bug; the body says nothing else.");
        AddProblem(operation, document, "503", "store_unavailable, busy (with Retry-After) or email_disabled.");
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiDocument? document, string status, string description)
    {
        operation.Responses ??= [];
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(FullAuthDocumentTransformer.ProblemSchema, document) },
            },
        };
    }
}
