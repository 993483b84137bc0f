using System.Net;

namespace FullAuth.Hardening.Tests;

/// <summary>
/// The passkey ceremony routes cap bodies at 64 KiB. Only Kestrel enforces request size limits (the
/// in-memory test server cannot), so this runs against a real process.
/// </summary>
public sealed class PasskeyBodyLimitTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fullauth-limit-").FullName;

    [Fact]
    public async Task PasskeyComplete_BodyOver64KiB_Is413ProblemAndTheServerStaysUp()
    {
        var ct = TestContext.Current.CancellationToken;
        var environment = Api.BaseEnvironment(Path.Combine(_directory, "fullauth.db"));
        environment["FullAuth__Passkeys__RpId"] = "localhost";
        environment["FullAuth__Passkeys__Origins__0"] = "http://localhost:5173";
        await using var api = await ApiProcess.StartAsync(environment, ct);
        using var client = api.CreateClient();

        var huge = await client.PostAsync($"{Api.Base}/passkeys/authenticate/complete", new { credential = new { id = new string('A', 70_000) } }, cancellationToken: ct);
        var small = await client.PostAsync($"{Api.Base}/passkeys/authenticate/complete", new { credential = new { id = new string('A', 60_000) } }, cancellationToken: ct);

        huge.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge, api.Output);
        huge.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await huge.JsonAsync())["code"]!.GetValue<string>().Should().Be("payload_too_large");
        small.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "under the limit the body is read and refused as a credential");
        (await small.JsonAsync())["code"]!.GetValue<string>().Should().Be("invalid_credentials");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
