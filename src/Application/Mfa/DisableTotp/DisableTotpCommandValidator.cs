using FluentValidation;
using FullAuth.Application.Mfa.Common;

namespace FullAuth.Application.Mfa.DisableTotp;

public sealed class DisableTotpCommandValidator : AbstractValidator<DisableTotpCommand>
{
    public DisableTotpCommandValidator()
    {
        RuleFor(x => x.Code).ValidTotpCode().When(x => x.CurrentPassword is null);
        RuleFor(x => x.CurrentPassword).MaximumLength(1024).WithMessage("Current password is too long.");
    }
}
