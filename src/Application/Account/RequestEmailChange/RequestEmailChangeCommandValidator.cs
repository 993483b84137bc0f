using FluentValidation;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Validation;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Account.RequestEmailChange;

public sealed class RequestEmailChangeCommandValidator : AbstractValidator<RequestEmailChangeCommand>
{
    public RequestEmailChangeCommandValidator(IOptions<PasswordOptions> options)
    {
        RuleFor(x => x.NewEmail).ValidEmail();
        RuleFor(x => x.CurrentPassword).MaximumLength(options.Value.MaxLength)
            .WithMessage($"Current password must be at most {options.Value.MaxLength} characters.");
    }
}
