using FluentValidation;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Domain.Users;

namespace FullAuth.Application.Common.Validation;

/// <summary>Field rules shared by several use cases.</summary>
public static class ValidationRules
{
    public const int NameMaxLength = 100;
    public const int ImageMaxLength = 2048;

    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Email is required.")
            .Must(EmailAddress.IsValid).WithMessage("Email must be a valid address of at most 254 characters.");

    /// <summary>Length limits first (so a huge password is refused before any work), then the policy.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> AcceptablePassword<T>(this IRuleBuilder<T, string?> rule, IPasswordPolicy policy) =>
        rule.Custom((password, context) =>
        {
            if (string.IsNullOrEmpty(password))
            {
                context.AddFailure("Password is required.");
                return;
            }

            var reason = policy.Check(password);
            if (reason is not null)
            {
                context.AddFailure(reason);
            }
        });

    public static IRuleBuilderOptions<T, string?> ValidName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => n is null || (n.Length is > 0 and <= NameMaxLength && !n.Any(char.IsControl)))
            .WithMessage($"Name must be 1 to {NameMaxLength} characters without control characters.");

    public static IRuleBuilderOptions<T, string?> ValidImageUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(i => i is null || (i.Length <= ImageMaxLength && Uri.TryCreate(i, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            .WithMessage($"Image must be an absolute https URL of at most {ImageMaxLength} characters.");

    /// <summary>A submitted token or password-like secret: present and not absurdly long.</summary>
    public static IRuleBuilderOptions<T, string?> ValidSecret<T>(this IRuleBuilder<T, string?> rule, string what, int maxLength = 1024) =>
        rule.NotEmpty().WithMessage($"{what} is required.")
            .MaximumLength(maxLength).WithMessage($"{what} is too long.");
}

/// <summary>Paging: <c>page</c> ≥ 1, <c>page_size</c> 1–100 (default 20).</summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static void AddPagingRules<T>(this AbstractValidator<T> validator, Func<T, int> page, Func<T, int> pageSize)
    {
        validator.RuleFor(x => page(x)).GreaterThanOrEqualTo(1).OverridePropertyName("page").WithMessage("page must be 1 or more.");
        validator.RuleFor(x => pageSize(x)).InclusiveBetween(1, MaxPageSize).OverridePropertyName("page_size").WithMessage($"page_size must be between 1 and {MaxPageSize}.");
    }
}
