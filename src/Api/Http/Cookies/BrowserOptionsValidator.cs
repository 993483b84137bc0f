using FullAuth.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace FullAuth.Api.Http.Cookies;

// Startup validation of the browser-facing settings; each failure names the setting and the fix.

internal sealed class BrowserOptionsValidator(IOptions<FullAuthOptions> root)
    : IValidateOptions<CookiesOptions>, IValidateOptions<CorsOriginsOptions>
{
    public ValidateOptionsResult Validate(string? name, CookiesOptions options)
    {
        var errors = new List<string>();
        var sameSite = AuthCookies.ParseSameSite(options.SameSite);
        if (sameSite is null)
        {
            errors.Add($"FullAuth:Cookies:SameSite '{options.SameSite}' is unknown. Use 'Lax', 'Strict' or 'None'.");
        }
        else if (sameSite == SameSiteMode.None && root.Value.Debug)
        {
            errors.Add("FullAuth:Cookies:SameSite=None requires Secure cookies, but FullAuth:Debug=true makes them non-Secure. " +
                "Use FullAuth__Cookies__SameSite=Lax with Debug, or remove FullAuth__Debug and serve over HTTPS.");
        }

        if (options.Domain is { } domain && (string.IsNullOrWhiteSpace(domain) || domain.Any(c => char.IsWhiteSpace(c) || c is '/' or ':' or ';' or ',')))
        {
            errors.Add($"FullAuth:Cookies:Domain '{domain}' must be a bare host name such as example.com (no scheme, port or path).");
        }

        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, CorsOriginsOptions options)
    {
        var errors = new List<string>();
        foreach (var origin in options.Origins)
        {
            if (!IsOrigin(origin))
            {
                errors.Add($"FullAuth:Cors:Origins entry '{origin}' is not an origin. Use scheme, host and optional port only, such as https://app.example.com ('*' is not allowed: CORS here sends credentials).");
            }
        }

        var mode = TokenDeliveryModes.Parse(root.Value.TokenDelivery);
        if (mode != TokenDeliveryMode.Json && !options.Origins.Exists(o => !string.IsNullOrWhiteSpace(o)))
        {
            errors.Add($"FullAuth:Cors:Origins is empty but FullAuth:TokenDelivery is '{root.Value.TokenDelivery}': cookie mode needs the frontend's origins " +
                "(for example FullAuth__Cors__Origins__0=https://app.example.com); sign-in routes refuse every other Origin.");
        }

        return Result(errors);
    }

    private static bool IsOrigin(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && Uri.TryCreate(AllowedOrigins.Normalize(value), UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/"
        && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.Fragment)
        && string.IsNullOrEmpty(uri.UserInfo);

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
