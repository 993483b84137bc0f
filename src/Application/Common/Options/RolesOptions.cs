namespace FullAuth.Application.Common.Options;

/// <summary><c>Roles:Seed</c>: roles created at startup when missing.</summary>
public sealed class RolesOptions
{
    public const string SectionName = "FullAuth:Roles";

    public List<SeedRole> Seed { get; set; } = [];
}

public sealed class SeedRole
{
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public List<string> Permissions { get; set; } = [];
}
