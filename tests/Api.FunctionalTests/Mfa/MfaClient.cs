using System.Net;
using System.Text.Json.Nodes;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests.Mfa;

/// <summary>The MFA routes as tests use them.</summary>
public static class MfaClient
{
    public const string Mfa = ApiClient.Base + "/mfa";

    public sealed record Enrolled(Session Session, string Secret, IReadOnlyList<string> RecoveryCodes);

    public static async Task<JsonObject> SetupAsync(this HttpClient client, string accessToken)
    {
        var setup = await client.PostJsonAsync($"{Mfa}/totp/setup", null, accessToken);
        setup.StatusCode.Should().Be(HttpStatusCode.OK, await setup.Content.ReadAsStringAsync());
        return await setup.JsonAsync();
    }

    /// <summary>A new account with TOTP on; the enabling code used the TOTP clock's current step.</summary>
    public static async Task<Enrolled> EnrolledUserAsync(this HttpClient client, MfaFactory factory, string? email = null)
    {
        var session = await client.NewSessionAsync(email);
        var secret = (await client.SetupAsync(session.AccessToken))["secret"]!.GetValue<string>();
        var enable = await client.PostJsonAsync($"{Mfa}/totp/enable", new { code = factory.Code(secret) }, session.AccessToken);
        enable.StatusCode.Should().Be(HttpStatusCode.OK, await enable.Content.ReadAsStringAsync());
        var codes = (await enable.JsonAsync())["recovery_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        return new Enrolled(session, secret, codes);
    }

    /// <summary>Logs in with the password and expects an <c>MfaChallenge</c>; returns the <c>mfa_token</c>.</summary>
    public static async Task<string> FirstFactorAsync(this HttpClient client, string email, bool rememberMe = false)
    {
        var login = await client.LoginAsync(email, rememberMe: rememberMe);
        login.StatusCode.Should().Be(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        var body = await login.JsonAsync();
        body["mfa_required"]!.GetValue<bool>().Should().BeTrue(body.ToJsonString());
        return body["mfa_token"]!.GetValue<string>();
    }

    public static Task<HttpResponseMessage> VerifyAsync(this HttpClient client, string mfaToken, string? code = null, string? recoveryCode = null) =>
        client.PostJsonAsync($"{Mfa}/verify", recoveryCode is null ? new { mfa_token = mfaToken, code } : (object)new { mfa_token = mfaToken, recovery_code = recoveryCode });
}
