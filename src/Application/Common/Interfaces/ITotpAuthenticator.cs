namespace FullAuth.Application.Common.Interfaces;

/// <summary>RFC 6238 TOTP (SHA-1, 6 digits, 30 s steps) with a ±1 step window.</summary>
public interface ITotpAuthenticator
{
    /// <summary>A new random secret (160 bits), Base32 without padding, as authenticator apps expect it.</summary>
    string NewSecret();

    /// <summary>The <c>otpauth://totp/...</c> URI an authenticator app scans.</summary>
    string OtpAuthUri(string issuer, string account, string secret);

    /// <summary>
    /// The time step of the step in the window (now ±1) whose code equals <paramref name="code"/> and is
    /// later than <paramref name="lastUsedStep"/>; null when the code is wrong or a replay.
    /// </summary>
    long? Match(string secret, string code, long? lastUsedStep);
}
