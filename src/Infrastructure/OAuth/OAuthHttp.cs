using System.Net.Http.Headers;
using System.Text.Json;
using FullAuth.Application.OAuth.Common;

namespace FullAuth.Infrastructure.OAuth;

/// <summary>
/// Outbound calls to providers: the named client has a timeout and no automatic redirects, and every
/// failure (network, timeout, non-success, unreadable body) becomes an <see cref="OAuthProviderException"/>.
/// A cancelled request (the client went away) stays an <see cref="OperationCanceledException"/>.
/// </summary>
public static class OAuthHttp
{
    public const string ClientName = "FullAuth.OAuth";
    public const string UserAgent = "FullAuth";

    public static async Task<JsonElement> SendForJsonAsync(HttpClient client, HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue(UserAgent, "1.0"));
        if (request.Headers.Accept.Count == 0)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OAuthProviderException($"{what}: no answer within the timeout");
        }
        catch (HttpRequestException ex)
        {
            throw new OAuthProviderException($"{what}: {ex.Message}", ex);
        }

        using (response)
        {
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new OAuthProviderException($"{what}: no complete answer within the timeout");
            }
            catch (HttpRequestException ex)
            {
                throw new OAuthProviderException($"{what}: {ex.Message}", ex);
            }

            JsonElement json;
            try
            {
                json = JsonDocument.Parse(body).RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new OAuthProviderException($"{what}: HTTP {(int)response.StatusCode} with a body that is not JSON");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new OAuthProviderException($"{what}: HTTP {(int)response.StatusCode}{ErrorSuffix(json)}");
            }

            return json;
        }
    }

    /// <summary>The OAuth error fields (RFC 6749 §5.2) for the log; never tokens.</summary>
    public static string ErrorSuffix(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var error)
            ? $", error {Truncate(error.ToString())}{(json.TryGetProperty("error_description", out var description) ? $" ({Truncate(description.ToString())})" : string.Empty)}"
            : string.Empty;

    public static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Truncate(string value) => value.Length <= 200 ? value : value[..200];
}
