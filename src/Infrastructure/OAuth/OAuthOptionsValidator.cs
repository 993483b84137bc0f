using System.Text.RegularExpressions;
using FullAuth.Application.OAuth.Common;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.OAuth;

/// <summary>Fails startup naming the setting: redirect URIs, state lifetime, and each configured provider.</summary>
internal sealed partial class OAuthOptionsValidator : IValidateOptions<OAuthOptions>, IValidateOptions<OAuthProvidersOptions>
{
    private const string Prefix = "FullAuth:OAuth:";

    public ValidateOptionsResult Validate(string? name, OAuthOptions options)
    {
        var failures = new List<string>();
        foreach (var uri in options.RedirectUris)
        {
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(parsed.Fragment))
            {
                failures.Add($"{Prefix}RedirectUris: '{uri}' is not an absolute http(s) URL without a fragment.");
            }
        }

        if (options.StateLifetime < TimeSpan.FromMinutes(1) || options.StateLifetime > TimeSpan.FromHours(1))
        {
            failures.Add($"{Prefix}StateLifetime must be between 00:01:00 and 01:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, OAuthProvidersOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.Google.ClientId))
        {
            Require(failures, "Google:ClientSecret", options.Google.ClientSecret);
            Endpoint(failures, "Google:Authority", options.Google.Authority);
        }

        if (!string.IsNullOrEmpty(options.GitHub.ClientId))
        {
            Require(failures, "GitHub:ClientSecret", options.GitHub.ClientSecret);
            Endpoint(failures, "GitHub:AuthorizationEndpoint", options.GitHub.AuthorizationEndpoint);
            Endpoint(failures, "GitHub:TokenEndpoint", options.GitHub.TokenEndpoint);
            Endpoint(failures, "GitHub:ApiBaseUrl", options.GitHub.ApiBaseUrl);
        }

        foreach (var (key, oidc) in options.Oidc)
        {
            if (!OidcName().IsMatch(key))
            {
                failures.Add($"{Prefix}Oidc:{key}: the name may hold only letters, digits and '-' (the provider id is oidc-{{name}}).");
            }

            if (string.IsNullOrEmpty(oidc.ClientId))
            {
                failures.Add($"{Prefix}Oidc:{key}:ClientId is required.");
                continue;
            }

            Require(failures, $"Oidc:{key}:ClientSecret", oidc.ClientSecret);
            Endpoint(failures, $"Oidc:{key}:Authority", oidc.Authority);
        }

        if (options.HttpTimeout <= TimeSpan.Zero || options.HttpTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Prefix}HttpTimeout must be between 0 and 00:01:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            failures.Add($"{Prefix}{key} is required when the provider's ClientId is set.");
        }
    }

    /// <summary>https, or http only to a loopback host (local test providers).</summary>
    private static void Endpoint(List<string> failures, string key, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) ||
            !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            failures.Add($"{Prefix}{key} must be an absolute https URL (http only for a loopback host).");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,40}$")]
    private static partial Regex OidcName();
}
