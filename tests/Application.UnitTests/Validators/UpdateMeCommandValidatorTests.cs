using FluentValidation.TestHelper;
using FullAuth.Application.Account.UpdateMe;
using FullAuth.Application.Common.Behaviours;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.UnitTests.Support;
using FullAuth.Domain.Common;

namespace FullAuth.Application.UnitTests.Validators;

public sealed class UpdateMeCommandValidatorTests
{
    private static UpdateMeCommand Command(Optional<string?> name, Optional<string?> image) => new(TestData.Caller(TestData.User()), name, image);

    [Fact]
    public void Validate_NothingToUpdate_ReportsBody()
    {
        var result = new UpdateMeCommandValidator().TestValidate(Command(Optional<string?>.Absent, Optional<string?>.Absent));

        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be("body");
    }

    [Fact]
    public async Task Validate_NothingToUpdateThroughTheBehaviour_NamesFieldBody()
    {
        var behaviour = new ValidationBehaviour<UpdateMeCommand, Result<UserResponse>>([new UpdateMeCommandValidator()]);

        var result = await behaviour.Handle(
            Command(Optional<string?>.Absent, Optional<string?>.Absent),
            (_, _) => throw new InvalidOperationException("next must not run"),
            CancellationToken.None);

        result.Error!.Fields.Should().ContainKey("body").And.HaveCount(1);
    }

    [Fact]
    public void Validate_NullName_ClearsAndIsValid() =>
        new UpdateMeCommandValidator().TestValidate(Command(Optional<string?>.Of(null), Optional<string?>.Absent)).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void Validate_HttpsImage_IsValid() =>
        new UpdateMeCommandValidator().TestValidate(Command(Optional<string?>.Absent, Optional<string?>.Of("https://cdn.example.com/a.png"))).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData("http://cdn.example.com/a.png")]
    [InlineData("/relative.png")]
    public void Validate_NonHttpsImage_ReportsImage(string image)
    {
        var result = new UpdateMeCommandValidator().TestValidate(Command(Optional<string?>.Absent, Optional<string?>.Of(image)));

        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be("Image");
    }

    [Fact]
    public void Validate_NameTooLong_ReportsName()
    {
        var result = new UpdateMeCommandValidator().TestValidate(Command(Optional<string?>.Of(new string('x', 101)), Optional<string?>.Absent));

        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be("Name");
    }
}
