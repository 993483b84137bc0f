using FullAuth.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.Options;

internal sealed class MagicLinksOptionsValidator : IValidateOptions<MagicLinksOptions>
{
    public ValidateOptionsResult Validate(string? name, MagicLinksOptions options)
    {
        var errors = new List<string>();
        JwtOptionsValidator.Positive(errors, "FullAuth:MagicLinks:Lifetime", options.Lifetime);
        if (options.Lifetime > TimeSpan.FromDays(1))
        {
            errors.Add($"FullAuth:MagicLinks:Lifetime {options.Lifetime} is longer than a day; a magic link signs in, keep it short (default 00:15:00).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
