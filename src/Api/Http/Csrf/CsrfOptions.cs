namespace FullAuth.Api.Http.Csrf;

/// <summary>Section <c>FullAuth:Csrf</c>.</summary>
public sealed class CsrfOptions
{
    public const string SectionName = "FullAuth:Csrf";

    /// <summary>
    /// Require <c>X-CSRF-Token</c> on cookie-authenticated POST/PUT/PATCH/DELETE. The <c>Origin</c> check of
    /// cookie-mode sign-in routes stays on either way.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
