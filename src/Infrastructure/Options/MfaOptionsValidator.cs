using FullAuth.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.Options;

/// <summary><c>Mfa:Methods</c> must name known first factors; <c>Mfa:RequiredForRoles</c> role names.</summary>
internal sealed class MfaOptionsValidator : IValidateOptions<MfaOptions>
{
    public ValidateOptionsResult Validate(string? name, MfaOptions options)
    {
        var failures = new List<string>();
        foreach (var method in options.Methods ?? [])
        {
            if (!MfaMethods.All.Contains(method, StringComparer.Ordinal))
            {
                failures.Add($"FullAuth:Mfa:Methods contains '{method}'; use {string.Join(", ", MfaMethods.All)}.");
            }
        }

        if (options.RequiredForRoles.Exists(string.IsNullOrWhiteSpace))
        {
            failures.Add("FullAuth:Mfa:RequiredForRoles contains an empty role name.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
