using System.Net;
using FullAuth.Application.Passkeys.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.Passkeys;

/// <summary><c>Passkeys:Origins</c> defaults to <c>Cors:Origins</c>.</summary>
internal sealed class PasskeyOptionsDefaults(IConfiguration configuration) : IPostConfigureOptions<PasskeyOptions>
{
    public void PostConfigure(string? name, PasskeyOptions options)
    {
        if (options.Origins.Count == 0)
        {
            options.Origins = configuration.GetSection("FullAuth:Cors:Origins").Get<List<string>>() ?? [];
        }
    }
}

/// <summary>
/// Fails startup naming the setting: the RP ID must be a domain (no scheme, port or IP address); with
/// it set there must be origins, each an exact https origin (http only for localhost) whose host is the
/// RP ID or one of its subdomains; the user-verification value and the challenge lifetime are checked.
/// </summary>
internal sealed class PasskeyOptionsValidator : IValidateOptions<PasskeyOptions>
{
    private const string Prefix = "FullAuth:Passkeys:";

    public ValidateOptionsResult Validate(string? name, PasskeyOptions options)
    {
        var failures = new List<string>();
        if (options.UserVerification is not (PasskeyOptions.Required or PasskeyOptions.Preferred or PasskeyOptions.Discouraged))
        {
            failures.Add($"{Prefix}UserVerification must be required, preferred or discouraged.");
        }

        if (options.ChallengeLifetime < TimeSpan.FromSeconds(30) || options.ChallengeLifetime > TimeSpan.FromMinutes(30))
        {
            failures.Add($"{Prefix}ChallengeLifetime must be between 00:00:30 and 00:30:00.");
        }

        if (options.RpName is { Length: > 100 })
        {
            failures.Add($"{Prefix}RpName must be at most 100 characters.");
        }

        if (!options.Enabled)
        {
            return Result(failures);
        }

        var rpId = options.RpId!;
        if (rpId.Contains("://", StringComparison.Ordinal) || rpId.Contains(':', StringComparison.Ordinal) || rpId.Contains('/', StringComparison.Ordinal)
            || IPAddress.TryParse(rpId, out _) || Uri.CheckHostName(rpId) != UriHostNameType.Dns || rpId != rpId.ToLowerInvariant())
        {
            failures.Add($"{Prefix}RpId '{rpId}' must be a lower-case domain such as example.com or localhost: no scheme, port or path, and not an IP address (browsers refuse those).");
        }

        if (options.Origins.Count == 0)
        {
            failures.Add($"{Prefix}RpId is set but there are no origins: set {Prefix}Origins (or FullAuth:Cors:Origins) to the exact origins of the pages that use passkeys, e.g. https://app.example.com.");
        }

        foreach (var origin in options.Origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.GetLeftPart(UriPartial.Authority) != origin
                || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (uri.Host == "localhost" || uri.Host.EndsWith(".localhost", StringComparison.Ordinal)))))
            {
                failures.Add($"{Prefix}Origins: '{origin}' must be an exact origin (scheme://host[:port], no path or trailing slash), https unless the host is localhost.");
            }
            else if (uri.Host != rpId && !uri.Host.EndsWith("." + rpId, StringComparison.Ordinal))
            {
                failures.Add($"{Prefix}Origins: the host of '{origin}' is not {rpId} or a subdomain of it, so browsers would refuse RP ID {rpId} there.");
            }
        }

        return Result(failures);
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
