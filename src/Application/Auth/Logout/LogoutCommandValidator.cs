using FluentValidation;

namespace FullAuth.Application.Auth.Logout;

public sealed class LogoutCommandValidator : AbstractValidator<LogoutCommand>
{
    public LogoutCommandValidator()
    {
        RuleFor(x => x.RefreshToken).MaximumLength(512).WithMessage("Refresh token is too long.");
    }
}
