using System.Text.RegularExpressions;
using FluentValidation;

namespace FullAuth.Application.Roles.Common;

/// <summary>Shape of role names and permission strings.</summary>
public static partial class RoleRules
{
    public const int MaxPermissions = 100;

    public static IRuleBuilderOptions<T, string?> ValidRoleName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Role name is required.")
            .Must(n => n is not null && NamePattern().IsMatch(n))
            .WithMessage("Role name must be 1 to 100 characters: lower-case letters, digits, '-', '_', '.', ':'.");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidPermissions<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(p => p is null || (p.Count <= MaxPermissions && p.All(x => x is not null && PermissionPattern().IsMatch(x))))
            .WithMessage($"Permissions must be at most {MaxPermissions} strings of 1 to 100 visible characters without spaces (for example reports:read).");

    [GeneratedRegex("^[a-z0-9][a-z0-9._:-]{0,99}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[\x21-\x7E]{1,100}$")]
    private static partial Regex PermissionPattern();
}
