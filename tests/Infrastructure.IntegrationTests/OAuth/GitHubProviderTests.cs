using System.Text.Json;
using FullAuth.Application.OAuth.Common;
using FullAuth.Infrastructure.OAuth;

namespace FullAuth.Infrastructure.IntegrationTests.OAuth;

public sealed class GitHubProviderTests
{
    [Fact]
    public void SelectEmail_PrimaryVerified_IsVerified()
    {
        var result = GitHubProvider.SelectEmail([new("other@example.com", false, true), new("me@example.com", true, true)], "public@example.com");

        result.Should().Be(("me@example.com", true));
    }

    [Fact]
    public void SelectEmail_PrimaryUnverified_IsUnverifiedEvenWhenAnotherIsVerified()
    {
        var result = GitHubProvider.SelectEmail([new("other@example.com", false, true), new("me@example.com", true, false)], null);

        result.Should().Be(("me@example.com", false));
    }

    [Fact]
    public void SelectEmail_NoList_FallsBackToTheProfileEmailUnverified()
    {
        GitHubProvider.SelectEmail([], "public@example.com").Should().Be(("public@example.com", false));
        GitHubProvider.SelectEmail([], null).Should().Be(((string?)null, false));
    }

    [Fact]
    public void ParseEmails_VerifiedOnlyWhenJsonTrue()
    {
        var json = JsonDocument.Parse("""[{"email":"a@example.com","primary":true,"verified":"true"},{"primary":true},{"email":"b@example.com","primary":false,"verified":true}]""").RootElement;

        var emails = GitHubProvider.ParseEmails(json);

        emails.Should().Equal(new GitHubEmail("a@example.com", true, false), new GitHubEmail("b@example.com", false, true));
    }
}
