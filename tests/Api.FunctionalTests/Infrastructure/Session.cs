using System.Text.Json.Nodes;

namespace FullAuth.Api.FunctionalTests.Infrastructure;

/// <summary>A signed-in session as the tests use it.</summary>
public sealed record Session(string Email, string AccessToken, string RefreshToken, JsonObject User)
{
    public string UserId => User["id"]!.GetValue<string>();

    public string SessionId => Jwt.Payload(AccessToken)["sid"]!.GetValue<string>();

    public static Session From(string email, JsonObject login) => new(
        email,
        login["access_token"]!.GetValue<string>(),
        login["refresh_token"]!.GetValue<string>(),
        login["user"]!.AsObject());
}
