using FullAuth.Application.Common.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.Options;

internal sealed class EmailOptionsValidator(IHostEnvironment environment) : IValidateOptions<EmailOptions>, IValidateOptions<TokensOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var errors = new List<string>();
        var transport = options.EffectiveTransport(environment.IsDevelopment());
        switch (transport)
        {
            case "console" when !environment.IsDevelopment():
                errors.Add("FullAuth:Email:Transport 'console' prints one-time links to stdout and is only allowed in Development. Use 'smtp' (set FullAuth__Email__Smtp__Host) or 'none'.");
                break;
            case "smtp" when string.IsNullOrWhiteSpace(options.Smtp.Host):
                errors.Add("FullAuth:Email:Smtp:Host is required when FullAuth:Email:Transport is 'smtp'.");
                break;
            case "webhook":
                ValidateWebhook(errors, options.Webhook);
                break;
            case "console" or "smtp" or "none":
                break;
            default:
                errors.Add($"FullAuth:Email:Transport '{options.Transport}' is unknown. Use 'console', 'smtp', 'webhook' or 'none'.");
                break;
        }

        if (options.Smtp.Port is < 1 or > 65535)
        {
            errors.Add("FullAuth:Email:Smtp:Port must be between 1 and 65535.");
        }

        if (options.Smtp.Security.ToLowerInvariant() is not ("auto" or "none" or "starttls" or "sslonconnect"))
        {
            errors.Add($"FullAuth:Email:Smtp:Security '{options.Smtp.Security}' is unknown. Use Auto, None, StartTls or SslOnConnect.");
        }

        if (!Uri.TryCreate(options.FrontendUrl, UriKind.Absolute, out var frontend) || (frontend.Scheme != Uri.UriSchemeHttps && frontend.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"FullAuth:Email:FrontendUrl '{options.FrontendUrl}' must be an absolute http(s) URL (mail links are built from it).");
        }

        if (!FullAuth.Domain.Users.EmailAddress.IsValid(options.From))
        {
            errors.Add($"FullAuth:Email:From '{options.From}' is not an email address.");
        }

        if (string.IsNullOrWhiteSpace(options.ProductName))
        {
            errors.Add("FullAuth:Email:ProductName must not be empty.");
        }

        if (options.TemplatesPath is not null && !Directory.Exists(options.TemplatesPath))
        {
            errors.Add($"FullAuth:Email:TemplatesPath '{options.TemplatesPath}' does not exist.");
        }

        if (options.MaxAttempts < 1)
        {
            errors.Add("FullAuth:Email:MaxAttempts must be at least 1.");
        }

        if (options.PerAddressHourlyLimit < 1)
        {
            errors.Add("FullAuth:Email:PerAddressHourlyLimit must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Absolute https (http only to this machine), a sane timeout, and header names HTTP accepts. Never echoes header values.</summary>
    private static void ValidateWebhook(List<string> errors, WebhookOptions webhook)
    {
        if (string.IsNullOrWhiteSpace(webhook.Url))
        {
            errors.Add("FullAuth:Email:Webhook:Url is required when FullAuth:Email:Transport is 'webhook'.");
        }
        else if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) ||
                 !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLocal(url))) ||
                 !string.IsNullOrEmpty(url.UserInfo))
        {
            errors.Add("FullAuth:Email:Webhook:Url must be an absolute https URL without credentials in it (http is allowed only for localhost, 127.0.0.1 or [::1]); put API keys in FullAuth:Email:Webhook:Headers.");
        }

        if (webhook.Timeout <= TimeSpan.Zero || webhook.Timeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"FullAuth:Email:Webhook:Timeout {webhook.Timeout} must be positive and at most 00:05:00.");
        }

        foreach (var (header, value) in webhook.Headers)
        {
            if (string.IsNullOrWhiteSpace(header) || !header.All(c => c is > ' ' and < (char)127 && c is not (':' or '(' or ')' or ',' or ';' or '"' or '/' or '[' or ']' or '?' or '=' or '{' or '}' or '\\')))
            {
                errors.Add($"FullAuth:Email:Webhook:Headers has an invalid header name '{header}'.");
            }
            else if (value is null || value.Any(c => c is '\r' or '\n' or '\0'))
            {
                errors.Add($"FullAuth:Email:Webhook:Headers:{header} must be a single-line value.");
            }
        }
    }

    private static bool IsLocal(Uri url) => url.IsLoopback || url.Host == "localhost";

    public ValidateOptionsResult Validate(string? name, TokensOptions options)
    {
        var errors = new List<string>();
        JwtOptionsValidator.Positive(errors, "FullAuth:Tokens:EmailVerificationLifetime", options.EmailVerificationLifetime);
        JwtOptionsValidator.Positive(errors, "FullAuth:Tokens:PasswordResetLifetime", options.PasswordResetLifetime);
        JwtOptionsValidator.Positive(errors, "FullAuth:Tokens:EmailChangeLifetime", options.EmailChangeLifetime);
        JwtOptionsValidator.Positive(errors, "FullAuth:Tokens:InvitationLifetime", options.InvitationLifetime);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
