using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Auth.RequestEmailVerification;

public sealed class RequestEmailVerificationCommandValidator : AbstractValidator<RequestEmailVerificationCommand>
{
    public RequestEmailVerificationCommandValidator()
    {
        RuleFor(x => x.Email).ValidEmail().When(x => x.Caller is null);
    }
}
