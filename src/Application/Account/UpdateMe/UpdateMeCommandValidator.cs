using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Account.UpdateMe;

public sealed class UpdateMeCommandValidator : AbstractValidator<UpdateMeCommand>
{
    public UpdateMeCommandValidator()
    {
        RuleFor(x => x)
            .Must(x => x.Name.HasValue || x.Image.HasValue)
            .WithName("body")
            .OverridePropertyName("body")
            .WithMessage("Nothing to update: send name or image.");
        RuleFor(x => x.Name.Value).ValidName().OverridePropertyName("Name").When(x => x.Name.HasValue);
        RuleFor(x => x.Image.Value).ValidImageUrl().OverridePropertyName("Image").When(x => x.Image.HasValue);
    }
}
