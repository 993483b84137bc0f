namespace FullAuth.Template.Tests;

/// <summary>
/// Installs the repository as a template into a private hive, instantiates it once with a new name and
/// builds the generated solution; the tests then inspect, test and run the result.
/// </summary>
public sealed class GeneratedSolutionFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fullauth-template-" + Guid.NewGuid().ToString("N"));

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The namespace prefix of the repository (its solution file's name): "FullAuth" here, the new name in a generated copy.</summary>
    public static string SourcePrefix { get; } = Path.GetFileNameWithoutExtension(Directory.GetFiles(RepositoryRoot, "*.sln").Single());

    /// <summary>The name given to <c>dotnet new</c>; different from the source prefix even when run inside a generated copy.</summary>
    public static string NewName { get; } = SourcePrefix == "Acme.Identity" ? "Contoso.Identity" : "Acme.Identity";

    public string Home => Path.Combine(_root, "home");

    public string Output => Path.Combine(_root, "out");

    public Dotnet.Run Install { get; private set; } = null!;

    public Dotnet.Run Instantiate { get; private set; } = null!;

    public Dotnet.Run Build { get; private set; } = null!;

    /// <summary>Build-output folders found right after <c>dotnet new</c>, before the build (there should be none).</summary>
    public IReadOnlyList<string> CopiedBuildOutput { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Home);
        var hive = Path.Combine(_root, "hive");
        Install = await Dotnet.RunAsync(_root, Home, TimeSpan.FromMinutes(2), "new", "install", RepositoryRoot, "--debug:custom-hive", hive);
        Instantiate = await Dotnet.RunAsync(_root, Home, TimeSpan.FromMinutes(2), "new", "fullauth", "-n", NewName, "-o", Output, "--debug:custom-hive", hive);
        if (Instantiate.ExitCode == 0)
        {
            CopiedBuildOutput = [.. Directory.EnumerateDirectories(Output, "*", SearchOption.AllDirectories)
                .Where(d => Path.GetFileName(d) is "bin" or "obj" or "TestResults")];
            Build = await Dotnet.RunAsync(Output, Home, TimeSpan.FromMinutes(15), "build", NewName + ".sln", "-nodeReuse:false");
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ".template.config", "template.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No .template.config/template.json above " + AppContext.BaseDirectory);
    }
}
