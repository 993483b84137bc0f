namespace FullAuth.Api.OpenApi;

/// <summary><c>FullAuth:OpenApi</c>. The document at <c>/openapi/v1.json</c> is always served; the UI is optional.</summary>
public sealed class OpenApiUiOptions
{
    public const string SectionName = "FullAuth:OpenApi";

    /// <summary>The Scalar API reference at <c>/docs</c>; unset means on in Development only.</summary>
    public bool? UiEnabled { get; set; }
}
