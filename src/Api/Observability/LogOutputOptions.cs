namespace FullAuth.Api.Observability;

/// <summary><c>FullAuth:Logging</c>: how logs are written (levels stay under the standard <c>Logging</c> section).</summary>
public sealed class LogOutputOptions
{
    public const string SectionName = "FullAuth:Logging";

    /// <summary>One JSON object per line on the console (also accepted as the top-level <c>Logging:Json</c>).</summary>
    public bool Json { get; set; }
}
