using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace FullAuth.Template.Tests;

/// <summary>
/// <c>dotnet new install</c> + <c>dotnet new fullauth -n Acme.Identity</c>: the generated solution is
/// renamed, builds, passes its Domain and Architecture tests, and the generated API starts and serves.
/// The generated functional and integration suites are not run here: they are this repository's own
/// suites with renamed namespaces (already run by CI), and running them again would double CI time.
/// </summary>
public sealed class TemplateTests(GeneratedSolutionFixture generated) : IClassFixture<GeneratedSolutionFixture>
{
    [Fact]
    public void Instantiate_RenamesNamespacesAndSolution_KeepsTheContract()
    {
        generated.Install.ExitCode.Should().Be(0, generated.Install.Output);
        generated.Instantiate.ExitCode.Should().Be(0, generated.Instantiate.Output);
        var output = generated.Output;

        File.Exists(Path.Combine(output, GeneratedSolutionFixture.NewName + ".sln")).Should().BeTrue();
        File.Exists(Path.Combine(output, GeneratedSolutionFixture.SourcePrefix + ".sln")).Should().BeFalse();
        Directory.Exists(Path.Combine(output, ".git")).Should().BeFalse();
        generated.CopiedBuildOutput.Should().BeEmpty("build output is excluded from the template");

        var program = File.ReadAllText(Path.Combine(output, "src", "Api", "Cli", "HostCommands.cs"));
        program.Should().Contain($"namespace {GeneratedSolutionFixture.NewName}.Api.Cli;");
        File.ReadAllText(Path.Combine(output, "src", "Api", "Api.csproj")).Should().Contain($"<AssemblyName>{GeneratedSolutionFixture.NewName}.Api</AssemblyName>");
        Directory.EnumerateFiles(output, "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains($"namespace {GeneratedSolutionFixture.SourcePrefix}.", StringComparison.Ordinal))
            .Should().BeEmpty("every namespace is renamed");

        // The contract stays: configuration section, cookie names, error URNs, Redis prefix.
        File.ReadAllText(Path.Combine(output, "src", "Application", "Common", "Options", "FullAuthOptions.cs")).Should().Contain("SectionName = \"FullAuth\"");
        File.ReadAllText(Path.Combine(output, "src", "Api", "Http", "Cookies", "AuthCookies.cs")).Should().Contain("\"fullauth_access\"");
        File.ReadAllText(Path.Combine(output, "src", "Api", "Http", "ProblemWriter.cs")).Should().Contain("urn:fullauth:error:");
    }

    [Fact]
    public void Build_GeneratedSolution_Succeeds()
    {
        generated.Build.Should().NotBeNull(generated.Instantiate.Output);
        generated.Build.ExitCode.Should().Be(0, generated.Build.Output);
    }

    [Theory]
    [InlineData("Domain.UnitTests")]
    [InlineData("Architecture.Tests")]
    public async Task Test_GeneratedProject_Passes(string project)
    {
        generated.Build.ExitCode.Should().Be(0, generated.Build.Output);

        var run = await Dotnet.RunAsync(generated.Output, generated.Home, TimeSpan.FromMinutes(5), "test", "--project", Path.Combine("tests", project, project + ".csproj"), "--no-build");

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().MatchRegex(@"succeeded: [1-9]");
    }

    [Fact]
    public async Task Run_GeneratedApi_ChecksStartsAndServes()
    {
        generated.Build.ExitCode.Should().Be(0, generated.Build.Output);
        var api = Path.Combine(generated.Output, "src", "Api", "bin", "Debug", "net10.0", GeneratedSolutionFixture.NewName + ".Api.dll");
        var database = Path.Combine(generated.Output, "generated.db");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["FullAuth__SecretKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64)),
            ["FullAuth__Database__ConnectionString"] = $"Data Source={database}",
        };

        var check = await Dotnet.RunAsync(generated.Output, generated.Home, TimeSpan.FromMinutes(2), ["exec", api, "check", "--quiet", .. environment.Select(e => $"--{e.Key.Replace("__", ":", StringComparison.Ordinal)}={e.Value}").Where(a => !a.StartsWith("--ASPNETCORE", StringComparison.Ordinal))]);
        check.ExitCode.Should().Be(0, check.Output);
        check.Output.Should().Contain("No problems found.");

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(api)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(api);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        using var process = Process.Start(start)!;
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var ready = await WaitForAsync(http, "/health/ready", TimeSpan.FromSeconds(90));
            ready.Should().BeTrue(LogOf(log));

            var document = await http.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
            document!["paths"]!.AsObject().Select(p => p.Key).Should().Contain("/api/v1/auth/login");
            (await http.GetAsync("/docs")).StatusCode.Should().Be(HttpStatusCode.OK, "the API reference is on in Development");

            var register = await http.PostAsJsonAsync("/api/v1/auth/register", new { email = "first@example.com", password = "a generated api passphrase" });
            register.StatusCode.Should().Be(HttpStatusCode.Accepted, LogOf(log));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static string LogOf(System.Text.StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private static async Task<bool> WaitForAsync(HttpClient http, string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync(path)).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
