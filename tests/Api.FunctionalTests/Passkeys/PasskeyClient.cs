using System.Net;
using System.Text.Json.Nodes;
using FullAuth.Api.FunctionalTests.Infrastructure;
using FullAuth.Api.FunctionalTests.Mfa;

namespace FullAuth.Api.FunctionalTests.Passkeys;

/// <summary>The API with passkeys on for RP ID <c>localhost</c> and origin <see cref="Origin"/>, and a capturing outbox.</summary>
public sealed class PasskeyFactory : MfaFactory
{
    public const string Origin = "http://localhost:5173";

    public PasskeyFactory(params (string Key, string? Value)[] settings)
    {
        Settings["FullAuth:Passkeys:RpId"] = "localhost";
        Settings["FullAuth:Passkeys:Origins:0"] = Origin;
        foreach (var (key, value) in settings)
        {
            Settings[key] = value;
        }
    }
}

/// <summary>The passkey routes as tests use them.</summary>
public static class PasskeyClient
{
    public const string Route = ApiClient.Base + "/passkeys";

    public static async Task<JsonObject> BeginRegistrationAsync(this HttpClient client, string accessToken)
    {
        var begin = await client.PostJsonAsync($"{Route}/register/begin", null, accessToken);
        begin.StatusCode.Should().Be(HttpStatusCode.OK, await begin.Content.ReadAsStringAsync());
        return await begin.JsonAsync();
    }

    public static Task<HttpResponseMessage> CompleteRegistrationAsync(this HttpClient client, string accessToken, JsonObject credential, string? name = null) =>
        client.PostJsonAsync($"{Route}/register/complete", new JsonObject { ["credential"] = credential.DeepClone(), ["name"] = name }, accessToken);

    /// <summary>Registers <paramref name="authenticator"/>'s credential to the session's account; returns the <c>Passkey</c>.</summary>
    public static async Task<JsonObject> AddPasskeyAsync(this HttpClient client, Session session, SoftAuthenticator authenticator, string? name = null)
    {
        var options = await client.BeginRegistrationAsync(session.AccessToken);
        var complete = await client.CompleteRegistrationAsync(session.AccessToken, authenticator.Register(options), name);
        complete.StatusCode.Should().Be(HttpStatusCode.Created, await complete.Content.ReadAsStringAsync());
        return await complete.JsonAsync();
    }

    public static async Task<JsonObject> BeginAuthenticationAsync(this HttpClient client, string? email = null, bool rememberMe = false)
    {
        var begin = await client.PostJsonAsync($"{Route}/authenticate/begin", email is null ? new JsonObject() : new JsonObject { ["email"] = email, ["remember_me"] = rememberMe });
        begin.StatusCode.Should().Be(HttpStatusCode.OK, await begin.Content.ReadAsStringAsync());
        return await begin.JsonAsync();
    }

    public static Task<HttpResponseMessage> CompleteAuthenticationAsync(this HttpClient client, JsonObject credential) =>
        client.PostJsonAsync($"{Route}/authenticate/complete", new JsonObject { ["credential"] = credential.DeepClone() });

    /// <summary>A full passkey sign-in; returns the raw answer.</summary>
    public static async Task<HttpResponseMessage> PasskeySignInAsync(this HttpClient client, SoftAuthenticator authenticator, string? email = null) =>
        await client.CompleteAuthenticationAsync(authenticator.Assert(await client.BeginAuthenticationAsync(email)));
}
