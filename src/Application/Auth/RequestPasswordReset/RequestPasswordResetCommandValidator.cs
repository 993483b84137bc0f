using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Auth.RequestPasswordReset;

public sealed class RequestPasswordResetCommandValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetCommandValidator()
    {
        RuleFor(x => x.Email).ValidEmail();
    }
}
