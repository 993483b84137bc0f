namespace FullAuth.Domain.Roles;

/// <summary>A named set of free-form permissions (for example <c>reports:read</c>).</summary>
public sealed class Role
{
    public const string Admin = "admin";
    public const string Wildcard = "*";

    private Role()
    {
    }

    public Role(string name, string? description, IEnumerable<string> permissions, DateTimeOffset createdAt)
    {
        Name = name;
        Description = description;
        Permissions = permissions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        CreatedAt = createdAt;
    }

    public string Name { get; private set; } = string.Empty;
    public string? Description { get; private set; }
    public List<string> Permissions { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsBuiltIn => Name == Admin;

    public void Update(string? description, IEnumerable<string>? permissions)
    {
        if (description is not null)
        {
            Description = description;
        }

        if (permissions is not null)
        {
            Permissions = permissions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>True when this role's permissions cover <paramref name="permission"/> (<c>*</c> covers all).</summary>
    public bool Grants(string permission) => Permissions.Contains(Wildcard) || Permissions.Contains(permission);
}
