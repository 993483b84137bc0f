using System.Text.Json;
using FluentValidation;
using FullAuth.Application.Common.Validation;

namespace FullAuth.Application.Passkeys.CompleteRegistration;

public sealed class CompletePasskeyRegistrationCommandValidator : AbstractValidator<CompletePasskeyRegistrationCommand>
{
    public CompletePasskeyRegistrationCommandValidator()
    {
        RuleFor(x => x.Credential.ValueKind).Equal(JsonValueKind.Object).OverridePropertyName("credential")
            .WithMessage("credential is required: the object credential.toJSON() returns.");
        RuleFor(x => x.Name).ValidName();
    }
}
