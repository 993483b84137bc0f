using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Auth.ConfirmEmailVerification;

public sealed class ConfirmEmailVerificationCommandValidator : AbstractValidator<ConfirmEmailVerificationCommand>
{
    public ConfirmEmailVerificationCommandValidator()
    {
        RuleFor(x => x.Token).ValidSecret("Token", 256);
    }
}
