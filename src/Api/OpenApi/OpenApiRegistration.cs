using System.Text.Json;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace FullAuth.Api.OpenApi;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) and the Scalar API reference (<c>/docs</c>).</summary>
public static class OpenApiRegistration
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string UiPath = "/docs";

    public static WebApplicationBuilder AddFullAuthOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OpenApiUiOptions>().BindConfiguration(OpenApiUiOptions.SectionName);

        // The document's schemas follow these options: the wire format is snake_case.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<FullAuthDocumentTransformer>();
            o.AddOperationTransformer<FullAuthOperationTransformer>();
        });
        return builder;
    }

    /// <summary>Maps the document always and the UI when <c>FullAuth:OpenApi:UiEnabled</c> (default: Development).</summary>
    public static WebApplication MapFullAuthOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        var uiEnabled = app.Services.GetRequiredService<IOptions<OpenApiUiOptions>>().Value.UiEnabled ?? app.Environment.IsDevelopment();
        if (uiEnabled)
        {
            // Scalar's default document route is /openapi/{documentName}.json, which MapOpenApi serves.
            app.MapScalarApiReference(UiPath, o => o.WithTitle("FullAuth API"));
        }

        return app;
    }
}
