using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FullAuth.Api.FunctionalTests.Passkeys;

namespace FullAuth.MultiInstance.Tests;

/// <summary>
/// Passkey ceremonies begun on one instance complete on the other (challenges in Redis, credentials in
/// PostgreSQL), and a challenge is single use across instances.
/// </summary>
public sealed class PasskeysAcrossInstancesTests(MultiInstanceFixture fixture) : IClassFixture<MultiInstanceFixture>
{
    private const string Password = "correct horse battery staple";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task RegisterBeginOnA_CompleteOnB_SignInBeginOnB_CompleteOnA_ReplayOnBRefused()
    {
        fixture.Require();
        var email = $"pk-{Guid.NewGuid():N}@example.com";
        using (await SendAsync(fixture.A, "api/v1/auth/register", new { email, password = Password }))
        {
        }

        using var login = await SendAsync(fixture.A, "api/v1/auth/login", new { email, password = Password });
        var access = (await login.Content.ReadFromJsonAsync<JsonObject>(_ct))!["access_token"]!.GetValue<string>();
        using var authenticator = new SoftAuthenticator(MultiInstanceFixture.PasskeyOrigin);

        using var registerBegin = await SendAsync(fixture.A, "api/v1/auth/passkeys/register/begin", null, access);
        registerBegin.StatusCode.Should().Be(HttpStatusCode.OK, await registerBegin.Content.ReadAsStringAsync(_ct));
        var creation = (await registerBegin.Content.ReadFromJsonAsync<JsonObject>(_ct))!;
        using var registerComplete = await SendAsync(fixture.B, "api/v1/auth/passkeys/register/complete", new JsonObject { ["credential"] = authenticator.Register(creation) }, access);
        registerComplete.StatusCode.Should().Be(HttpStatusCode.Created, await registerComplete.Content.ReadAsStringAsync(_ct));

        using var signInBegin = await SendAsync(fixture.B, "api/v1/auth/passkeys/authenticate/begin", new { });
        var request = (await signInBegin.Content.ReadFromJsonAsync<JsonObject>(_ct))!;
        var assertion = authenticator.Assert(request);
        using var signIn = await SendAsync(fixture.A, "api/v1/auth/passkeys/authenticate/complete", new JsonObject { ["credential"] = assertion.DeepClone() });
        using var replay = await SendAsync(fixture.B, "api/v1/auth/passkeys/authenticate/complete", new JsonObject { ["credential"] = assertion.DeepClone() });

        signIn.StatusCode.Should().Be(HttpStatusCode.OK, await signIn.Content.ReadAsStringAsync(_ct));
        (await signIn.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("user").GetProperty("email").GetString().Should().Be(email);
        replay.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the challenge is single use across instances");
    }

    private async Task<HttpResponseMessage> SendAsync(ApiProcess api, string path, object? body, string? accessToken = null)
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
        }

        if (accessToken is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        }

        request.Headers.Add("X-Forwarded-For", $"198.51.100.{Random.Shared.Next(1, 250)}");
        return await client.SendAsync(request, _ct);
    }
}
