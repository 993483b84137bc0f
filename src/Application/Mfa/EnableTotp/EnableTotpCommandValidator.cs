using FluentValidation;
using FullAuth.Application.Mfa.Common;

namespace FullAuth.Application.Mfa.EnableTotp;

public sealed class EnableTotpCommandValidator : AbstractValidator<EnableTotpCommand>
{
    public EnableTotpCommandValidator()
    {
        RuleFor(x => x.Code).ValidTotpCode();
    }
}
