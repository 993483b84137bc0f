using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace FullAuth.MultiInstance.Tests;

/// <summary>
/// Two real processes: FullAuth (ES256, absolute issuer) and samples/ResourceServer, which knows only
/// FullAuth's URL and validates its tokens through OpenID discovery and the JWKS.
/// </summary>
public sealed class ResourceServerTests
{
    [Fact]
    public async Task ResourceServer_ValidatesFullAuthTokensThroughDiscovery()
    {
        var ct = TestContext.Current.CancellationToken;
        var work = Directory.CreateTempSubdirectory("fullauth-rs-");
        try
        {
            var keyPath = Path.Combine(work.FullName, "jwt.pem");
            using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
            {
                await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem(), ct);
            }

            var fullAuthPort = FullAuth.Tests.Fixtures.ServerBinaries.FreePort();
            var issuer = $"http://127.0.0.1:{fullAuthPort.ToString(CultureInfo.InvariantCulture)}";
            await using var fullAuth = await ApiProcess.StartAsync(
                "fullauth",
                new Dictionary<string, string>
                {
                    ["FullAuth__SecretKey"] = "resource-server-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
                    ["FullAuth__Database__ConnectionString"] = $"Data Source={Path.Combine(work.FullName, "fullauth.db")}",
                    ["FullAuth__Jwt__Algorithm"] = "ES256",
                    ["FullAuth__Jwt__Keys__0__PrivateKeyPath"] = keyPath,
                    ["FullAuth__Jwt__Issuer"] = issuer,
                    ["FullAuth__PreventEnumeration"] = "false",
                },
                ct,
                port: fullAuthPort);
            await using var resourceServer = await ApiProcess.StartAsync(
                "resource-server",
                new Dictionary<string, string> { ["FullAuth__Authority"] = issuer },
                ct,
                assemblyPath: ApiProcess.BuiltAssembly(Path.Combine("samples", "ResourceServer"), "FullAuth.Samples.ResourceServer.dll"),
                livePath: string.Empty);

            using var auth = fullAuth.CreateClient();
            var discovery = await auth.GetFromJsonAsync<JsonObject>(".well-known/openid-configuration", ct);
            discovery!["issuer"]!.GetValue<string>().Should().Be(issuer);
            discovery["jwks_uri"]!.GetValue<string>().Should().Be(issuer + "/.well-known/jwks.json");
            discovery["introspection_endpoint"]!.GetValue<string>().Should().Be(issuer + "/api/v1/auth/token/introspect");
            discovery["revocation_endpoint"]!.GetValue<string>().Should().Be(issuer + "/api/v1/auth/token/revoke");

            var register = await auth.PostAsJsonAsync("api/v1/auth/register", new { email = "rs@example.com", password = "correct horse battery staple" }, ct);
            register.StatusCode.Should().Be(HttpStatusCode.Created);
            var body = await register.Content.ReadFromJsonAsync<JsonObject>(ct);
            var access = body!["access_token"]!.GetValue<string>();

            using var api = resourceServer.CreateClient();
            (await api.GetAsync("api/notes", ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

            using var withToken = new HttpRequestMessage(HttpMethod.Get, "api/notes");
            withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
            var notes = await api.SendAsync(withToken, ct);
            notes.StatusCode.Should().Be(HttpStatusCode.OK, resourceServer.Output);
            (await notes.Content.ReadFromJsonAsync<JsonObject>(ct))!["email"]!.GetValue<string>().Should().Be("rs@example.com");

            using var admin = new HttpRequestMessage(HttpMethod.Get, "api/admin");
            admin.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
            (await api.SendAsync(admin, ct)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the token carries no admin role");

            var tampered = access[..^4] + (access[^4..] == "AAAA" ? "BBBB" : "AAAA");
            using var forged = new HttpRequestMessage(HttpMethod.Get, "api/notes");
            forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tampered);
            (await api.SendAsync(forged, ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
