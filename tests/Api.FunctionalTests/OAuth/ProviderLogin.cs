using System.Net;
using System.Text.RegularExpressions;

namespace FullAuth.Api.FunctionalTests.OAuth;

/// <summary>
/// Completes oidc-provider's login and consent forms the way a browser would: a fresh cookie jar per
/// login, redirects followed by hand until the provider sends the browser to the redirect URI.
/// </summary>
public static partial class ProviderLogin
{
    /// <summary>Signs in at the provider as <paramref name="login"/>; returns the callback's <c>code</c> and <c>state</c>.</summary>
    public static async Task<(string Code, string State)> CompleteAsync(string authorizationUrl, string login, string redirectUri = OidcServer.RedirectUri)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        using var http = new HttpClient(handler);
        var url = new Uri(authorizationUrl);
        for (var step = 0; step < 20; step++)
        {
            using var response = await http.GetAsync(url);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                var next = new Uri(url, response.Headers.Location!);
                if (next.ToString().StartsWith(redirectUri, StringComparison.Ordinal))
                {
                    return ParseCallback(next);
                }

                url = next;
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.OK, "the provider page was {0}", html);
            var action = new Uri(url, WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value));
            var fields = html.Contains("name=\"login\"", StringComparison.Ordinal)
                ? new Dictionary<string, string> { ["prompt"] = "login", ["login"] = login, ["password"] = "any" }
                : new Dictionary<string, string> { ["prompt"] = "consent" };
            using var posted = await http.PostAsync(action, new FormUrlEncodedContent(fields));
            ((int)posted.StatusCode).Should().BeInRange(300, 399, "the provider answered {0}", await posted.Content.ReadAsStringAsync());
            var location = new Uri(action, posted.Headers.Location!);
            if (location.ToString().StartsWith(redirectUri, StringComparison.Ordinal))
            {
                return ParseCallback(location);
            }

            url = location;
        }

        throw new InvalidOperationException("the provider never redirected back");
    }

    private static (string Code, string State) ParseCallback(Uri callback)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Query);
        query.Should().ContainKey("code", "the provider redirected to {0}", callback);
        return (query["code"].ToString(), query["state"].ToString());
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}
