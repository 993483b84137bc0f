using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Passkeys.RenamePasskey;

public sealed class RenamePasskeyCommandValidator : AbstractValidator<RenamePasskeyCommand>
{
    public RenamePasskeyCommandValidator()
    {
        RuleFor(x => x.Name).NotNull().WithMessage("Name is required.").ValidName();
    }
}
