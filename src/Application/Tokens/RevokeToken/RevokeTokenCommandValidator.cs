using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Tokens.RevokeToken;

public sealed class RevokeTokenCommandValidator : AbstractValidator<RevokeTokenCommand>
{
    public RevokeTokenCommandValidator()
    {
        RuleFor(x => x.Token).ValidSecret("Token", TokenShape.MaxLength);
    }
}
