using System.Net;
using System.Text.Json.Nodes;

namespace FullAuth.Api.FunctionalTests.Infrastructure;

/// <summary>Checks that an error response is the contract's problem details and nothing more.</summary>
public static class ProblemAssertions
{
    /// <summary>Asserts status, <c>application/problem+json</c>, every member of the shape, and no leaked .NET detail.</summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, "the body was {0}", text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        text.Should().NotContain("System.").And.NotContain("Exception").And.NotContain("   at ");

        var json = JsonNode.Parse(text)!.AsObject();
        json["type"]!.GetValue<string>().Should().Be($"urn:fullauth:error:{code}");
        json["code"]!.GetValue<string>().Should().Be(code);
        json["status"]!.GetValue<int>().Should().Be((int)status);
        json["title"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        json["detail"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        json["trace_id"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        return json;
    }

    /// <summary>400 <c>validation_failed</c> whose <c>errors</c> name <paramref name="field"/>.</summary>
    public static async Task<JsonObject> ShouldBeValidationProblemAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem["errors"]?.AsObject();
        errors.Should().NotBeNull("validation failures list their fields");
        errors!.Select(e => e.Key).Should().Contain(field);
        errors![field]!.AsArray().Should().NotBeEmpty();
        return problem;
    }

    /// <summary>401 <c>unauthenticated</c> with <c>WWW-Authenticate: Bearer</c>.</summary>
    public static async Task ShouldBeUnauthenticatedAsync(this HttpResponseMessage response)
    {
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        response.Headers.WwwAuthenticate.Select(h => h.Scheme).Should().Contain("Bearer");
    }

    /// <summary>The body as JSON text without <c>trace_id</c>, for comparing two problems.</summary>
    public static string WithoutTraceId(this JsonObject problem)
    {
        var copy = problem.DeepClone().AsObject();
        copy.Remove("trace_id");
        return copy.ToJsonString();
    }
}
