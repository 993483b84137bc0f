using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Account.ConfirmEmailChange;

public sealed class ConfirmEmailChangeCommandValidator : AbstractValidator<ConfirmEmailChangeCommand>
{
    public ConfirmEmailChangeCommandValidator()
    {
        RuleFor(x => x.Token).ValidSecret("Token", 256);
    }
}
