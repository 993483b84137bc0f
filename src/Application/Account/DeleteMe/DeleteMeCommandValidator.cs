using FluentValidation;
using FullAuth.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Account.DeleteMe;

public sealed class DeleteMeCommandValidator : AbstractValidator<DeleteMeCommand>
{
    public DeleteMeCommandValidator(IOptions<PasswordOptions> options)
    {
        RuleFor(x => x.CurrentPassword).MaximumLength(options.Value.MaxLength)
            .WithMessage($"Current password must be at most {options.Value.MaxLength} characters.");
    }
}
