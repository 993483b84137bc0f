using FluentValidation;
using FullAuth.Application.Mfa.Common;

namespace FullAuth.Application.Mfa.RegenerateRecoveryCodes;

public sealed class RegenerateRecoveryCodesCommandValidator : AbstractValidator<RegenerateRecoveryCodesCommand>
{
    public RegenerateRecoveryCodesCommandValidator()
    {
        RuleFor(x => x.Code).ValidTotpCode();
    }
}
