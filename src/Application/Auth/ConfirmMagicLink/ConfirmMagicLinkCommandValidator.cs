using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Auth.ConfirmMagicLink;

public sealed class ConfirmMagicLinkCommandValidator : AbstractValidator<ConfirmMagicLinkCommand>
{
    public ConfirmMagicLinkCommandValidator()
    {
        RuleFor(x => x.Token).ValidSecret("Token", 256);
    }
}
