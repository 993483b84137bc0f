using FluentValidation;
using FullAuth.Application.Common.Validation;
using FullAuth.Application.Mfa.Common;

namespace FullAuth.Application.Mfa.VerifyMfa;

/// <summary>Exactly one of <c>code</c> and <c>recovery_code</c>.</summary>
public sealed class VerifyMfaCommandValidator : AbstractValidator<VerifyMfaCommand>
{
    public VerifyMfaCommandValidator()
    {
        RuleFor(x => x.MfaToken).ValidSecret("mfa_token", 4096);
        RuleFor(x => x.Code).ValidTotpCode().When(x => x.RecoveryCode is null);
        RuleFor(x => x.RecoveryCode).ValidRecoveryCode().When(x => x.Code is null);
        RuleFor(x => x.Code).Null().When(x => x.RecoveryCode is not null).WithMessage("Send either code or recovery_code, not both.");
    }
}
