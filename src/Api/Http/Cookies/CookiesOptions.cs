namespace FullAuth.Api.Http.Cookies;

/// <summary>Section <c>FullAuth:Cookies</c>: attributes of the cookies that carry tokens in cookie mode.</summary>
public sealed class CookiesOptions
{
    public const string SectionName = "FullAuth:Cookies";

    /// <summary><c>Lax</c> (default), <c>Strict</c> or <c>None</c> (which requires Secure cookies, so not with <c>Debug</c>).</summary>
    public string SameSite { get; set; } = "Lax";

    /// <summary>When set, every cookie carries this Domain and uses the <c>__Secure-</c> prefix.</summary>
    public string? Domain { get; set; }
}
