using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Admin.UpdateUser;

public sealed class UpdateUserCommandValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserCommandValidator()
    {
        RuleFor(x => x).Must(x => x.IsActive.HasValue || x.EmailVerified.HasValue || x.Name.HasValue)
            .OverridePropertyName("body").WithMessage("Nothing to update: send is_active, email_verified or name.");
        RuleFor(x => x.Name.Value).ValidName().OverridePropertyName("Name").When(x => x.Name.HasValue);
    }
}
