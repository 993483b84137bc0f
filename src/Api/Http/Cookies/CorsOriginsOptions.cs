namespace FullAuth.Api.Http.Cookies;

/// <summary>
/// Section <c>FullAuth:Cors</c>: the browser origins allowed to call the API with credentials. Also the
/// <c>Origin</c> allow-list of cookie-mode sign-in routes (login CSRF); required for cookie mode.
/// </summary>
public sealed class CorsOriginsOptions
{
    public const string SectionName = "FullAuth:Cors";

    /// <summary>Exact origins such as <c>https://app.example.com</c> (scheme, host, optional port; no path).</summary>
    public List<string> Origins { get; set; } = [];
}
