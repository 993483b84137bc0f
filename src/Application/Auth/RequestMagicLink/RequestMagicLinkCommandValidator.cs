using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Auth.RequestMagicLink;

public sealed class RequestMagicLinkCommandValidator : AbstractValidator<RequestMagicLinkCommand>
{
    public RequestMagicLinkCommandValidator()
    {
        RuleFor(x => x.Email).ValidEmail();
    }
}
