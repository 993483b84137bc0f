using System.Text.Json;
using System.Text.Json.Serialization;

namespace FullAuth.Api.Contracts;

/// <summary>Body of <c>/passkeys/register/complete</c>: <c>credential</c> is what <c>credential.toJSON()</c> returned (camelCase inside).</summary>
public sealed class PasskeyRegistrationRequest
{
    [JsonPropertyName("credential")]
    public JsonElement Credential { get; set; }

    public string? Name { get; set; }
}

/// <summary>Body of <c>/passkeys/authenticate/begin</c>; the whole body is optional.</summary>
public sealed class PasskeyAuthenticationBeginRequest
{
    public string? Email { get; set; }
    public bool? RememberMe { get; set; }
}

/// <summary>Body of <c>/passkeys/authenticate/complete</c>.</summary>
public sealed class PasskeyAuthenticationRequest
{
    [JsonPropertyName("credential")]
    public JsonElement Credential { get; set; }
}

/// <summary>Body of <c>PATCH /passkeys/{id}</c>.</summary>
public sealed class PasskeyRenameRequest
{
    public string? Name { get; set; }
}
