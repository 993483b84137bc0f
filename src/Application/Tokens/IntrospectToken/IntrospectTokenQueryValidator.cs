using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Tokens.IntrospectToken;

public sealed class IntrospectTokenQueryValidator : AbstractValidator<IntrospectTokenQuery>
{
    public IntrospectTokenQueryValidator()
    {
        RuleFor(x => x.Token).ValidSecret("Token", TokenShape.MaxLength);
    }
}
