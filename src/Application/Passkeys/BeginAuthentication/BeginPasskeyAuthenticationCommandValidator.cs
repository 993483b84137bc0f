using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Passkeys.BeginAuthentication;

public sealed class BeginPasskeyAuthenticationCommandValidator : AbstractValidator<BeginPasskeyAuthenticationCommand>
{
    public BeginPasskeyAuthenticationCommandValidator()
    {
        RuleFor(x => x.Email).ValidEmail().When(x => x.Email is not null);
    }
}
