using Microsoft.Extensions.Logging;

namespace FullAuth.Infrastructure.OAuth;

/// <summary>Google: an OpenID Connect provider at <c>https://accounts.google.com</c> (id <c>google</c>).</summary>
public sealed class GoogleProvider(GoogleProviderOptions options, IHttpClientFactory httpClients, TimeProvider time, ILogger logger)
    : OidcProvider(
        "google",
        "Google",
        options.Authority,
        options.ClientId!,
        options.ClientSecret!,
        options.Scopes is { Count: > 0 } scopes ? scopes : ["openid", "email", "profile"],
        trustsEmailVerified: true,
        httpClients,
        time,
        logger);
