namespace FullAuth.Application.OAuth.Common;

/// <summary>Which flow a state was issued for.</summary>
public static class OAuthFlow
{
    public const string SignIn = "sign_in";
    public const string Link = "link";
}

/// <summary>
/// What a state stands for, kept in the challenge store under a keyed digest of the state for
/// <c>OAuth:StateLifetime</c>. Bound to provider, flow, redirect URI, the browser (digest of the
/// binding cookie) and, for linking, the user and session that started it.
/// </summary>
public sealed record OAuthFlowState(
    string Provider,
    string Flow,
    string RedirectUri,
    string Nonce,
    string CodeVerifier,
    string BindingDigest,
    bool RememberMe,
    string? UserId,
    string? SessionId)
{
    public override string ToString() => $"OAuthFlowState {{ Provider = {Provider}, Flow = {Flow}, RedirectUri = {RedirectUri} }}";
}

/// <summary>A started flow: where to send the browser, and the binding cookie's value.</summary>
public sealed record OAuthAuthorization(string AuthorizationUrl, string BindingToken)
{
    public override string ToString() => "OAuthAuthorization { ... }";
}
