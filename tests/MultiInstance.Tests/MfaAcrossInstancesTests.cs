using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OtpNet;

namespace FullAuth.MultiInstance.Tests;

/// <summary>
/// A TOTP secret enrolled on instance A (encrypted with A's Data Protection key) verifies a sign-in on
/// instance B: the key ring is shared, in the database without Redis and in Redis with it.
/// </summary>
public sealed class MfaAcrossInstancesTests(MultiInstanceFixture redisFixture, DatabaseKeyRingFixture databaseFixture)
    : IClassFixture<MultiInstanceFixture>, IClassFixture<DatabaseKeyRingFixture>
{
    private const string Password = "correct horse battery staple";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TotpEnrolledOnA_SignsInOnB_WithTheKeyRingInTheDatabase()
    {
        databaseFixture.Require();
        var (email, secret) = await EnrollAsync(databaseFixture.A, "203.0.113.61");

        // Memory stores: the mfa_token lives on the instance that issued it, so B does both steps.
        var mfaToken = await FirstFactorAsync(databaseFixture.B, email);
        using var verify = await PostAsync(databaseFixture.B, "api/v1/auth/mfa/verify", new { mfa_token = mfaToken, code = NextCode(secret) });

        verify.StatusCode.Should().Be(HttpStatusCode.OK, await verify.Content.ReadAsStringAsync(_ct));
        (await verify.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("access_token").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task TotpEnrolledOnA_FirstFactorOnA_SecondFactorOnB_WithRedis()
    {
        redisFixture.Require();
        var (email, secret) = await EnrollAsync(redisFixture.A, null);

        // Redis holds both the key ring and the mfa_token, so the steps may land on different instances.
        var mfaToken = await FirstFactorAsync(redisFixture.A, email);
        using var verify = await PostAsync(redisFixture.B, "api/v1/auth/mfa/verify", new { mfa_token = mfaToken, code = NextCode(secret) });
        using var replay = await PostAsync(redisFixture.A, "api/v1/auth/mfa/verify", new { mfa_token = mfaToken, code = NextCode(secret) });

        verify.StatusCode.Should().Be(HttpStatusCode.OK, await verify.Content.ReadAsStringAsync(_ct));
        replay.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the mfa_token is single use across instances");
    }

    /// <summary>A code of the next step: inside the ±1 window and later than the step that enabled TOTP.</summary>
    private static string NextCode(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30));

    private async Task<(string Email, string Secret)> EnrollAsync(ApiProcess api, string? clientIp)
    {
        var email = $"mfa-{Guid.NewGuid():N}@example.com";
        using (var register = await PostAsync(api, "api/v1/auth/register", new { email, password = Password }, clientIp: clientIp))
        {
            ((int)register.StatusCode).Should().BeOneOf(201, 202);
        }

        string access;
        using (var login = await PostAsync(api, "api/v1/auth/login", new { email, password = Password }, clientIp: clientIp))
        {
            login.StatusCode.Should().Be(HttpStatusCode.OK);
            access = (await login.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("access_token").GetString()!;
        }

        string secret;
        using (var setup = await PostAsync(api, "api/v1/auth/mfa/totp/setup", null, access, clientIp))
        {
            setup.StatusCode.Should().Be(HttpStatusCode.OK, await setup.Content.ReadAsStringAsync(_ct));
            secret = (await setup.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("secret").GetString()!;
        }

        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow);
        using var enable = await PostAsync(api, "api/v1/auth/mfa/totp/enable", new { code }, access, clientIp);
        enable.StatusCode.Should().Be(HttpStatusCode.OK, await enable.Content.ReadAsStringAsync(_ct));
        return (email, secret);
    }

    private async Task<string> FirstFactorAsync(ApiProcess api, string email)
    {
        using var login = await PostAsync(api, "api/v1/auth/login", new { email, password = Password });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await login.Content.ReadFromJsonAsync<JsonElement>(_ct);
        body.GetProperty("mfa_required").GetBoolean().Should().BeTrue();
        return body.GetProperty("mfa_token").GetString()!;
    }

    private async Task<HttpResponseMessage> PostAsync(ApiProcess api, string path, object? body, string? accessToken = null, string? clientIp = null)
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (accessToken is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        }

        // 127.0.0.1 is a trusted proxy in the Redis fixture: a fresh client address per request avoids shared rate limits.
        request.Headers.Add("X-Forwarded-For", clientIp ?? $"198.51.100.{Random.Shared.Next(1, 250)}");
        return await client.SendAsync(request, _ct);
    }
}
