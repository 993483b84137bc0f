using FluentValidation;
using FullAuth.Application.Roles.Common;

namespace FullAuth.Application.Roles.UpdateRole;

public sealed class UpdateRoleCommandValidator : AbstractValidator<UpdateRoleCommand>
{
    public UpdateRoleCommandValidator()
    {
        RuleFor(x => x.Description).MaximumLength(500).WithMessage("Description must be at most 500 characters.");
        RuleFor(x => x.Permissions).ValidPermissions();
        RuleFor(x => x).Must(x => x.Description is not null || x.Permissions is not null)
            .OverridePropertyName("body").WithMessage("Nothing to update: send description or permissions.");
    }
}
