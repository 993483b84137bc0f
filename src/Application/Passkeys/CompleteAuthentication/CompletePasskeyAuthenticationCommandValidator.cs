using System.Text.Json;
using FluentValidation;

namespace FullAuth.Application.Passkeys.CompleteAuthentication;

public sealed class CompletePasskeyAuthenticationCommandValidator : AbstractValidator<CompletePasskeyAuthenticationCommand>
{
    public CompletePasskeyAuthenticationCommandValidator()
    {
        RuleFor(x => x.Credential.ValueKind).Equal(JsonValueKind.Object).OverridePropertyName("credential")
            .WithMessage("credential is required: the object credential.toJSON() returns.");
    }
}
