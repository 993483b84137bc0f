using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace FullAuth.Api.FunctionalTests.Infrastructure;

/// <summary>Reads JWT parts without validating them.</summary>
public static class Jwt
{
    public static JsonObject Header(string token) => Part(token, 0);

    public static JsonObject Payload(string token) => Part(token, 1);

    public static string Encode(JsonObject json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static JsonObject Part(string token, int index) =>
        JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[index]))!.AsObject();
}
