using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Admin.ListAudit;

public sealed class ListAuditQueryValidator : AbstractValidator<ListAuditQuery>
{
    public ListAuditQueryValidator()
    {
        this.AddPagingRules(x => x.Page, x => x.PageSize);
        RuleFor(x => x.UserId).MaximumLength(64).WithMessage("user_id is too long.");
        RuleFor(x => x.Action).MaximumLength(64).WithMessage("action is too long.");
    }
}
