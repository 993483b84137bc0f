using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.OAuth.Common;

/// <summary>
/// Starts and finishes the provider round trip shared by sign-in and linking: state (single use,
/// expiring, bound to provider, flow, redirect URI and the binding cookie), PKCE S256 and nonce,
/// then the code exchange. Every failure is 400 <c>oauth_failed</c> with its cause logged.
/// </summary>
public sealed class OAuthFlows(
    IOAuthProviderRegistry providers,
    IChallengeStore store,
    IOAuthStateKey stateKey,
    IOptions<OAuthOptions> options,
    ILoggerFactory loggerFactory)
{
    private const string KeyPrefix = "oauth:";
    private readonly ILogger _logger = loggerFactory.CreateLogger(OAuthErrors.LogCategory);

    public async Task<Result<OAuthAuthorization>> StartAsync(
        string providerId, string? redirectUri, string flow, bool rememberMe, string? userId, string? sessionId, CancellationToken cancellationToken)
    {
        var provider = providers.Find(providerId);
        if (provider is null)
        {
            return Error.NotFound;
        }

        if (string.IsNullOrEmpty(redirectUri) || !options.Value.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            _logger.LogWarning("OAuth {Flow} with {Provider} refused: redirect_uri is not in OAuth:RedirectUris", flow, provider.Id);
            return OAuthErrors.Failed;
        }

        var state = OpaqueToken.Create();
        var nonce = OpaqueToken.Create();
        var verifier = OpaqueToken.Create();
        var binding = OpaqueToken.Create();
        var challenge = Base64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

        string url;
        try
        {
            url = await provider.BuildAuthorizationUrlAsync(new OAuthAuthorizationRequest(state, nonce, challenge, redirectUri), cancellationToken);
        }
        catch (OAuthProviderException ex)
        {
            _logger.LogWarning(ex, "OAuth {Flow} with {Provider} could not start: {Cause}", flow, provider.Id, ex.Message);
            return OAuthErrors.Failed;
        }

        var data = new OAuthFlowState(provider.Id, flow, redirectUri, nonce, verifier, stateKey.Digest(binding), rememberMe, userId, sessionId);
        await store.SetAsync(KeyPrefix + stateKey.Digest(state), JsonSerializer.Serialize(data), options.Value.StateLifetime, cancellationToken);
        _logger.LogInformation("OAuth {Flow} with {Provider} started", flow, provider.Id);
        return new OAuthAuthorization(url, binding);
    }

    /// <summary>
    /// Consumes the state (whatever happens next), checks its bindings, and redeems the code.
    /// <paramref name="userId"/>/<paramref name="sessionId"/> are the caller's for the link flow.
    /// </summary>
    public async Task<Result<(IOAuthProvider Provider, OAuthFlowState State, ExternalIdentity Identity)>> CompleteAsync(
        string providerId, string? code, string? state, string? bindingToken, string flow, string? userId, string? sessionId, CancellationToken cancellationToken)
    {
        var provider = providers.Find(providerId);
        if (provider is null)
        {
            return Error.NotFound;
        }

        if (string.IsNullOrEmpty(state) || state.Length > 512)
        {
            return Fail(provider, flow, "state missing or malformed");
        }

        var stored = await store.TakeAsync(KeyPrefix + stateKey.Digest(state), cancellationToken);
        if (stored is null)
        {
            return Fail(provider, flow, "state unknown, expired or already used");
        }

        var data = JsonSerializer.Deserialize<OAuthFlowState>(stored);
        if (data is null)
        {
            return Fail(provider, flow, "state unreadable");
        }

        if (data.Provider != provider.Id)
        {
            return Fail(provider, flow, $"state was issued for provider {data.Provider}");
        }

        if (data.Flow != flow)
        {
            return Fail(provider, flow, $"state was issued for the {data.Flow} flow");
        }

        if (string.IsNullOrEmpty(bindingToken) ||
            !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stateKey.Digest(bindingToken)), Encoding.ASCII.GetBytes(data.BindingDigest)))
        {
            return Fail(provider, flow, "binding cookie missing or not the one set by authorize");
        }

        if (flow == OAuthFlow.Link && (data.UserId != userId || data.SessionId != sessionId))
        {
            return Fail(provider, flow, "link state was started by another user or session");
        }

        if (string.IsNullOrEmpty(code) || code.Length > 4096)
        {
            return Fail(provider, flow, "code missing or malformed (the provider may have answered an error)");
        }

        try
        {
            var identity = await provider.ExchangeCodeAsync(new OAuthCodeExchange(code, data.RedirectUri, data.CodeVerifier, data.Nonce), cancellationToken);
            return (provider, data, identity);
        }
        catch (OAuthProviderException ex)
        {
            _logger.LogWarning(ex, "OAuth {Flow} with {Provider} failed: {Cause}", flow, provider.Id, ex.Message);
            return OAuthErrors.Failed;
        }
    }

    private Error Fail(IOAuthProvider provider, string flow, string cause)
    {
        _logger.LogWarning("OAuth {Flow} with {Provider} failed: {Cause}", flow, provider.Id, cause);
        return OAuthErrors.Failed;
    }
}
