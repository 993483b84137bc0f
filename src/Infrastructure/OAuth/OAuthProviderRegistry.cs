using FullAuth.Application.OAuth.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.OAuth;

/// <summary>The providers whose <c>ClientId</c> is configured, built once (they cache discovery and keys).</summary>
internal sealed class OAuthProviderRegistry : IOAuthProviderRegistry, IDisposable
{
    private readonly Dictionary<string, IOAuthProvider> _byId;

    public OAuthProviderRegistry(IOptions<OAuthProvidersOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var settings = options.Value;
        var logger = loggerFactory.CreateLogger(OAuthErrors.LogCategory);
        var all = new List<IOAuthProvider>();
        if (!string.IsNullOrEmpty(settings.Google.ClientId))
        {
            all.Add(new GoogleProvider(settings.Google, httpClients, time, logger));
        }

        if (!string.IsNullOrEmpty(settings.GitHub.ClientId))
        {
            all.Add(new GitHubProvider(settings.GitHub, httpClients));
        }

        foreach (var (name, oidc) in settings.Oidc.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(oidc.ClientId))
            {
                continue;
            }

            var id = "oidc-" + name.ToLowerInvariant();
            all.Add(new OidcProvider(
                id,
                string.IsNullOrWhiteSpace(oidc.DisplayName) ? name : oidc.DisplayName,
                oidc.Authority!,
                oidc.ClientId,
                oidc.ClientSecret!,
                oidc.Scopes is { Count: > 0 } scopes ? scopes : ["openid", "email", "profile"],
                oidc.TrustEmailVerified,
                httpClients,
                time,
                logger));
        }

        All = all;
        _byId = all.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<IOAuthProvider> All { get; }

    public void Dispose()
    {
        foreach (var provider in All.OfType<IDisposable>())
        {
            provider.Dispose();
        }
    }

    public IOAuthProvider? Find(string? id) => id is not null && _byId.TryGetValue(id, out var provider) ? provider : null;
}
