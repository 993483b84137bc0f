using FluentValidation;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Auth.ConfirmPasswordReset;

/// <summary>The policy runs before the token is touched, so a refused password does not burn it.</summary>
public sealed class ConfirmPasswordResetCommandValidator : AbstractValidator<ConfirmPasswordResetCommand>
{
    public ConfirmPasswordResetCommandValidator(IPasswordPolicy policy)
    {
        RuleFor(x => x.Token).ValidSecret("Token", 256);
        RuleFor(x => x.NewPassword).AcceptablePassword(policy);
    }
}
