using FluentValidation;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Validation;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Account.ChangePassword;

public sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator(IPasswordPolicy policy, IOptions<PasswordOptions> options)
    {
        RuleFor(x => x.NewPassword).AcceptablePassword(policy);
        RuleFor(x => x.CurrentPassword).MaximumLength(options.Value.MaxLength)
            .WithMessage($"Current password must be at most {options.Value.MaxLength} characters.");
    }
}
