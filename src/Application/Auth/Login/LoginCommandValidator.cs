using FluentValidation;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Validation;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Auth.Login;

/// <summary>Shape only: the policy is not applied at login (old passwords must still work), but the length cap is.</summary>
public sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator(IOptions<PasswordOptions> options)
    {
        RuleFor(x => x.Email).ValidEmail();
        RuleFor(x => x.Password).ValidSecret("Password", options.Value.MaxLength);
    }
}
