using FluentValidation;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Auth.Register;

public sealed class RegisterCommandValidator : AbstractValidator<RegisterCommand>
{
    public RegisterCommandValidator(IPasswordPolicy policy)
    {
        RuleFor(x => x.Email).ValidEmail();
        RuleFor(x => x.Password).AcceptablePassword(policy);
        RuleFor(x => x.Name).ValidName();
    }
}
