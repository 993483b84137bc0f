using FluentValidation;

namespace FullAuth.Application.Mfa.Common;

public static class TotpCodeRules
{
    /// <summary>Six digits (spaces are tolerated and ignored by the check).</summary>
    public static IRuleBuilderOptions<T, string?> ValidTotpCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => c is not null && c.Replace(" ", string.Empty, StringComparison.Ordinal) is { Length: 6 } digits && digits.All(char.IsAsciiDigit))
            .WithMessage("Code must be the 6 digits your authenticator app shows.");

    public static IRuleBuilderOptions<T, string?> ValidRecoveryCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => c is { Length: > 0 and <= 64 })
            .WithMessage("Recovery code must be one of your recovery codes.");
}
