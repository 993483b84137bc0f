using FluentValidation;
using FullAuth.Application.Roles.Common;

namespace FullAuth.Application.Roles.CreateRole;

public sealed class CreateRoleCommandValidator : AbstractValidator<CreateRoleCommand>
{
    public CreateRoleCommandValidator()
    {
        RuleFor(x => x.Name).ValidRoleName();
        RuleFor(x => x.Description).MaximumLength(500).WithMessage("Description must be at most 500 characters.");
        RuleFor(x => x.Permissions).ValidPermissions();
    }
}
