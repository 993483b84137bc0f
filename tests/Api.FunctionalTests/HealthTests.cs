using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests;

public sealed class HealthTests(FullAuthFactory factory) : IClassFixture<FullAuthFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Live_Returns200Healthy()
    {
        var response = await _client.GetAsync("/health/live");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await response.JsonAsync())["status"]!.GetValue<string>().Should().Be("Healthy");
    }

    [Fact]
    public async Task Ready_Returns200WithTheDatabaseCheck()
    {
        var response = await _client.GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body["status"]!.GetValue<string>().Should().Be("Healthy");
        body["checks"]!["database"]!.GetValue<string>().Should().Be("Healthy");
    }
}
