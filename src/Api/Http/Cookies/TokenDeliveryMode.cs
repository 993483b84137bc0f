namespace FullAuth.Api.Http.Cookies;

/// <summary><c>FullAuth:TokenDelivery</c>: where sign-in responses put the tokens.</summary>
public enum TokenDeliveryMode
{
    /// <summary>Tokens in the JSON body; cookies are neither set nor read.</summary>
    Json,

    /// <summary>Tokens in HttpOnly cookies only; the body carries a CSRF token instead.</summary>
    Cookie,

    /// <summary>Requests with an <c>Origin</c> header (browsers) get cookies, the others JSON.</summary>
    Both,
}

public static class TokenDeliveryModes
{
    public static TokenDeliveryMode Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "cookie" => TokenDeliveryMode.Cookie,
        "both" => TokenDeliveryMode.Both,
        _ => TokenDeliveryMode.Json,
    };
}
