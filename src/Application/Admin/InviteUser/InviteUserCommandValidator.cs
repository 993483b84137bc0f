using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Admin.InviteUser;

public sealed class InviteUserCommandValidator : AbstractValidator<InviteUserCommand>
{
    public InviteUserCommandValidator()
    {
        RuleFor(x => x.Email).ValidEmail();
        RuleFor(x => x.Name).ValidName();
        RuleFor(x => x.Roles).Must(r => r is null || (r.Count <= 50 && r.All(n => !string.IsNullOrEmpty(n) && n.Length <= 100)))
            .WithMessage("Roles must be at most 50 role names.");
    }
}
