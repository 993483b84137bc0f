using System.Text.Json;
using FullAuth.Application.OAuth.Common;
using FullAuth.Infrastructure.OAuth;

namespace FullAuth.Infrastructure.IntegrationTests.OAuth;

public sealed class OidcClaimsTests
{
    [Fact]
    public void Map_GoogleClaims_TakesSubEmailVerifiedNameAndPicture()
    {
        var claims = JsonDocument.Parse("""{"iss":"https://accounts.google.com","sub":"1103","email":"me@gmail.com","email_verified":true,"name":"Me","picture":"https://lh3.googleusercontent.com/a/x"}""").RootElement;

        var identity = OidcClaims.Map(claims);

        identity.Should().Be(new ExternalIdentity("1103", "me@gmail.com", true, "Me", "https://lh3.googleusercontent.com/a/x"));
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("false")]
    [InlineData("1")]
    public void Map_EmailVerifiedNotExactlyTrue_IsUnverified(string value)
    {
        var claims = JsonDocument.Parse($$"""{"sub":"1","email":"me@example.com","email_verified":{{value}}}""").RootElement;

        OidcClaims.Map(claims).EmailVerified.Should().BeFalse();
    }

    [Fact]
    public void Map_NoSub_Throws()
    {
        var claims = JsonDocument.Parse("""{"email":"me@example.com"}""").RootElement;

        var act = () => OidcClaims.Map(claims);

        act.Should().Throw<OAuthProviderException>();
    }
}
