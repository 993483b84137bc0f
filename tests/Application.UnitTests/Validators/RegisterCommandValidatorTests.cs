using FluentValidation.TestHelper;
using FullAuth.Application.Auth.Register;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.UnitTests.Support;
using NSubstitute;

namespace FullAuth.Application.UnitTests.Validators;

public sealed class RegisterCommandValidatorTests
{
    private const string TooCommon = "Password is too common; choose another.";

    private readonly IPasswordPolicy _policy = Substitute.For<IPasswordPolicy>();

    public RegisterCommandValidatorTests()
    {
        _policy.Check(Arg.Any<string>()).Returns((string?)null);
        _policy.Check("password123").Returns(TooCommon);
    }

    private TestValidationResult<RegisterCommand> Validate(string? email = "a@example.com", string? password = "good password here", string? name = null) =>
        new RegisterCommandValidator(_policy).TestValidate(new RegisterCommand(email, password, name, TestData.Client));

    [Fact]
    public void Validate_ValidCommand_HasNoErrors() => Validate(name: "Ann").ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void Validate_PolicyRefusesPassword_ReportsThePolicysReasonOnPassword() =>
        Validate(password: "password123").ShouldHaveValidationErrorFor(x => x.Password).WithErrorMessage(TooCommon).Only();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_MissingPassword_IsRequiredWithoutAskingThePolicy(string? password)
    {
        Validate(password: password).ShouldHaveValidationErrorFor(x => x.Password).WithErrorMessage("Password is required.");
        _policy.DidNotReceiveWithAnyArgs().Check(default!);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("a@b@example.com")]
    public void Validate_BadEmail_ReportsEmail(string? email) => Validate(email: email).ShouldHaveValidationErrorFor(x => x.Email);

    [Theory]
    [InlineData("")]
    [InlineData("bad\u0007name")]
    public void Validate_BadName_ReportsName(string name) => Validate(name: name).ShouldHaveValidationErrorFor(x => x.Name);

    [Fact]
    public void Validate_NameOver100Characters_ReportsName() => Validate(name: new string('n', 101)).ShouldHaveValidationErrorFor(x => x.Name);
}
