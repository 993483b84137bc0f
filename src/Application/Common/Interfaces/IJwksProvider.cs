namespace FullAuth.Application.Common.Interfaces;

/// <summary>One public JSON Web Key (RFC 7517); members that do not apply are null.</summary>
public sealed record JwkResponse(string Kty, string Kid, string Use, string Alg, string? N, string? E, string? Crv, string? X, string? Y);

public interface IJwksProvider
{
    /// <summary>The public signing keys; empty when only HMAC is configured.</summary>
    IReadOnlyList<JwkResponse> PublicKeys { get; }
}
