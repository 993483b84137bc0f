namespace FullAuth.Application.Common.Options;

public sealed class AdminOptions
{
    public const string SectionName = "FullAuth:Admin";

    public string? BootstrapEmail { get; set; }
}
