using FluentValidation;

namespace FullAuth.Application.Roles.RevokeRole;

public sealed class RevokeRoleCommandValidator : AbstractValidator<RevokeRoleCommand>
{
    public RevokeRoleCommandValidator()
    {
        RuleFor(x => x.UserId).NotEmpty().WithMessage("User id is required.").MaximumLength(64).WithMessage("User id is too long.");
        RuleFor(x => x.RoleName).NotEmpty().WithMessage("Role name is required.").MaximumLength(100).WithMessage("Role name is too long.");
    }
}
