using System.Text.RegularExpressions;
using FullAuth.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.Options;

internal sealed partial class RolesOptionsValidator : IValidateOptions<RolesOptions>
{
    public ValidateOptionsResult Validate(string? name, RolesOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Seed.Count; i++)
        {
            var seed = options.Seed[i];
            if (!RoleName().IsMatch(seed.Name ?? string.Empty))
            {
                errors.Add($"FullAuth:Roles:Seed:{i}:Name '{seed.Name}' must be 1 to 100 characters: lower-case letters, digits, '-', '_', '.', ':'.");
            }
            else if (seed.Name == FullAuth.Domain.Roles.Role.Admin)
            {
                errors.Add($"FullAuth:Roles:Seed:{i}: 'admin' is built in; seed other roles.");
            }

            if (seed.Permissions.Any(p => string.IsNullOrWhiteSpace(p) || p.Any(char.IsWhiteSpace) || p.Length > 100))
            {
                errors.Add($"FullAuth:Roles:Seed:{i}:Permissions must be non-empty strings without spaces, at most 100 characters.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._:-]{0,99}$")]
    private static partial Regex RoleName();
}
