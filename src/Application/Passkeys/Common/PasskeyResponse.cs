using System.Buffers.Text;
using FullAuth.Domain.Passkeys;

namespace FullAuth.Application.Passkeys.Common;

/// <summary>The contract's <c>Passkey</c>: <c>credential_id</c> is base64url, <c>aaguid</c> the authenticator model's UUID.</summary>
public sealed record PasskeyResponse(
    string Id,
    string CredentialId,
    string? Name,
    string Aaguid,
    IReadOnlyList<string> Transports,
    bool BackedUp,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt)
{
    public static PasskeyResponse From(Passkey passkey) => new(
        passkey.Id,
        Base64Url.EncodeToString(passkey.CredentialId),
        passkey.Name,
        passkey.Aaguid.ToString("D"),
        PasskeyTransports.Split(passkey.Transports),
        passkey.BackedUp,
        passkey.CreatedAt,
        passkey.LastUsedAt);
}

/// <summary>Transports are stored comma-separated.</summary>
public static class PasskeyTransports
{
    public static IReadOnlyList<string> Split(string stored) => stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Join(IEnumerable<string> transports) => string.Join(',', transports);
}
