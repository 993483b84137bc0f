using FluentValidation;
using FullAuth.Application.Common.Behaviours;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.UnitTests.Behaviours;

public sealed class ValidationBehaviourTests
{
    public sealed record TestCommand(string? NewPassword, string? EmailAddress) : ICommand<Result>;

    private sealed class PasswordValidator : AbstractValidator<TestCommand>
    {
        public PasswordValidator() => RuleFor(x => x.NewPassword).NotEmpty().WithMessage("New password is required.");
    }

    private sealed class EmailValidator : AbstractValidator<TestCommand>
    {
        public EmailValidator()
        {
            RuleFor(x => x.EmailAddress).NotEmpty().WithMessage("Email is required.");
            RuleFor(x => x.EmailAddress).Must(e => e is not null).WithMessage("Email is required.");
        }
    }

    [Fact]
    public async Task Handle_InvalidMessage_ReturnsValidationFailedWithSnakeCaseFieldsWithoutCallingNext()
    {
        var behaviour = new ValidationBehaviour<TestCommand, Result>([new PasswordValidator(), new EmailValidator()]);
        var called = false;

        var result = await behaviour.Handle(new TestCommand(null, null), (_, _) => { called = true; return ValueTask.FromResult(Result.Ok); }, CancellationToken.None);

        called.Should().BeFalse();
        result.Error!.Code.Should().Be(ErrorCodes.ValidationFailed);
        result.Error.Fields.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["new_password"] = ["New password is required."],
            ["email_address"] = ["Email is required."],
        });
    }

    [Fact]
    public async Task Handle_ValidMessage_CallsNext()
    {
        var behaviour = new ValidationBehaviour<TestCommand, Result>([new PasswordValidator(), new EmailValidator()]);
        var expected = Result.Failure(Error.Conflict);

        var result = await behaviour.Handle(new TestCommand("x", "a@b.c"), (_, _) => ValueTask.FromResult(expected), CancellationToken.None);

        result.Should().BeSameAs(expected);
    }

    [Fact]
    public async Task Handle_NoValidators_CallsNext()
    {
        var behaviour = new ValidationBehaviour<TestCommand, Result>([]);

        var result = await behaviour.Handle(new TestCommand(null, null), (_, _) => ValueTask.FromResult(Result.Ok), CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
    }

    [Theory]
    [InlineData("NewPassword", "new_password")]
    [InlineData("Credential.Id", "credential.id")]
    [InlineData("RefreshToken", "refresh_token")]
    [InlineData("", "body")]
    public void FieldName_PropertyName_IsSnakeCase(string propertyName, string expected) =>
        ValidationBehaviour<TestCommand, Result>.FieldName(propertyName).Should().Be(expected);
}
