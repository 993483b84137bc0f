using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Admin.ListUsers;

public sealed class ListUsersQueryValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersQueryValidator()
    {
        this.AddPagingRules(x => x.Page, x => x.PageSize);
        RuleFor(x => x.Search).MaximumLength(254).WithMessage("search must be at most 254 characters.");
    }
}
