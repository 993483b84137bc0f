namespace FullAuth.Application.Common.Interfaces;

/// <summary>
/// Short-lived single-use values (passkey challenges, OAuth state, <c>mfa_token</c>s): a value can be
/// taken once; concurrent takers of the same key see it at most once between them.
/// </summary>
public interface IChallengeStore
{
    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> for <paramref name="ttl"/>, replacing any earlier value.</summary>
    ValueTask SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Atomically reads and deletes the value; null when missing, expired or already taken.</summary>
    ValueTask<string?> TakeAsync(string key, CancellationToken cancellationToken);
}
