using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FullAuth.Application.Common.Interfaces;
using OtpNet;

namespace FullAuth.Infrastructure.Mfa;

/// <summary>
/// RFC 6238 with Otp.NET: SHA-1, 6 digits, 30 s steps, the current step ±1. A code is accepted only
/// for a step later than the last one used, so each code works once (a replay within its window is refused).
/// </summary>
public sealed class TotpAuthenticator(TimeProvider time) : ITotpAuthenticator
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    public string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20)).TrimEnd('=');

    public string OtpAuthUri(string issuer, string account, string secret) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}");

    public long? Match(string secret, string code, long? lastUsedStep)
    {
        var typed = code.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (typed.Length != Digits || !typed.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret), StepSeconds, OtpHashMode.Sha1, Digits);
        var current = CurrentStep(time);
        long? matched = null;
        for (var step = current - 1; step <= current + 1; step++)
        {
            var expected = totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds).UtcDateTime);
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(typed)) && step > (lastUsedStep ?? long.MinValue))
            {
                matched ??= step;
            }
        }

        return matched;
    }

    public static long CurrentStep(TimeProvider time) => time.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
}
