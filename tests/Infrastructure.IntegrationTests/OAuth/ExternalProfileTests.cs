using System.Text.Json;
using FullAuth.Application.OAuth.Common;
using FullAuth.Infrastructure.OAuth;

namespace FullAuth.Infrastructure.IntegrationTests.OAuth;

public sealed class ExternalProfileTests
{
    [Fact]
    public void Values_OutsideTheInputRules_AreDropped()
    {
        ExternalProfile.Email(" Me@Example.COM ").Should().Be("me@example.com");
        ExternalProfile.Email("not an email").Should().BeNull();
        ExternalProfile.Name("bad\u0001name").Should().BeNull();
        ExternalProfile.Name(new string('n', 150)).Should().HaveLength(100);
        ExternalProfile.Image("http://insecure.example.com/a.png").Should().BeNull();
        ExternalProfile.Image("https://example.com/a.png").Should().Be("https://example.com/a.png");
    }
}
