using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Auth.Refresh;

public sealed class RefreshCommandValidator : AbstractValidator<RefreshCommand>
{
    public RefreshCommandValidator()
    {
        RuleFor(x => x.RefreshToken).ValidSecret("Refresh token", 512);
    }
}
